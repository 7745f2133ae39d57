using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Live;

/// <summary>
/// The teacher link (issue 11): without a staff account a teacher adds the school's classes and hands out class codes,
/// shown once and kept only as hashes; the link works for its own school only and ends when it is issued anew.
/// </summary>
public sealed partial class TeacherPageTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly string _token = TeacherLinks.Generate();
    private LiveEvent _event = default!;

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    public async Task InitializeAsync()
    {
        _event = await TestData.JudgingFinaleAsync(_app);
        await Run(s => s.IssueTeacherLink(s.Schools.Single(x => x.Name == "De Regenboog").Id, _token));
    }

    [Fact]
    public async Task ATeacher_AddsAClass_SeesItsCodeOnce_AndPupilsJoinWithIt()
    {
        using var teacher = _app.CreateBrowserlikeClient();
        var page = await teacher.GetStringAsync($"/teacher/{_token}");
        Assert.Contains("Klassen van De Regenboog", page, StringComparison.Ordinal);

        var added = await FormPost.SubmitAsync(teacher, $"/teacher/{_token}", "add-class", new Dictionary<string, string> { ["class-name"] = "2B", ["class-pupils"] = "28" });
        var body = await added.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var code = CodeOn(body);
        var schoolClass = Assert.Single(Store.GetEvent(_event.Id)!.Classes);
        Assert.Equal(("2B", 28), (schoolClass.Name, schoolClass.Pupils));
        Assert.Contains($"/live?class={code}", body, StringComparison.Ordinal);

        // Shown once: the next visit lists the class, without its code; the journal has only the hash.
        Assert.DoesNotContain(code, await teacher.GetStringAsync($"/teacher/{_token}"), StringComparison.Ordinal);
        var entries = await _app.Services.GetRequiredService<IJournal>().ReadAsync(JournalStreams.ForEvent(_event.Id)).ToListAsync();
        Assert.DoesNotContain(entries, e => e.Payload.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Payload.Contains(_token, StringComparison.Ordinal));

        using var pupil = _app.CreateDefaultClient();
        Assert.True((await pupil.GetAsync($"/live?class={code}")).IsRedirectTo($"/live/{_event.JoinCode}"));
    }

    [Fact]
    public async Task ANewClassCode_EndsTheOldOne_AndATeacherCannotTouchAnotherSchoolsClass()
    {
        var oldCode = SignInCodes.Generate();
        var classId = Guid.NewGuid();
        var otherClass = Guid.NewGuid();
        await Run(s => s.AddClass(classId, s.Schools.Single(x => x.Name == "De Regenboog").Id, "2B", null, oldCode));
        await Run(s => s.AddClass(otherClass, s.Schools.Single(x => x.Name == "Het Baken").Id, "H3", null, SignInCodes.Generate()));
        using var teacher = _app.CreateBrowserlikeClient();

        var reissued = await ReissueAsync(teacher, classId);
        var newCode = CodeOn(await reissued.Content.ReadAsStringAsync());
        var foreign = await ReissueAsync(teacher, otherClass);

        using var pupil = _app.CreateDefaultClient();
        Assert.Contains("klascode kennen we niet", await pupil.GetStringAsync($"/live?class={oldCode}"), StringComparison.Ordinal);
        Assert.True((await pupil.GetAsync($"/live?class={newCode}")).IsRedirectTo($"/live/{_event.JoinCode}"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("bestaat niet (meer) op deze school", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitch_BringsTheTeacherBackToTheirOwnPage()
    {
        using var teacher = _app.CreateBrowserlikeClient();
        var page = await teacher.GetStringAsync($"/teacher/{_token}");
        var link = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "href=\"(/culture/set\\?culture=en[^\"]*)\"").Groups[1].Value);

        var switched = await teacher.GetAsync(link);

        Assert.True(switched.IsRedirectTo($"/teacher/{_token}"), switched.Headers.Location?.ToString());
        Assert.Contains("Classes of De Regenboog", await teacher.GetStringAsync($"/teacher/{_token}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrReplacedTeacherLink_OpensNothing()
    {
        using var client = _app.CreateDefaultClient();
        var guessed = await client.GetStringAsync($"/teacher/{TeacherLinks.Generate()}");
        Assert.Contains("leraarlink werkt niet", guessed, StringComparison.Ordinal);
        Assert.DoesNotContain("add-class", guessed, StringComparison.Ordinal);

        await Run(s => s.IssueTeacherLink(s.Schools.Single(x => x.Name == "De Regenboog").Id, TeacherLinks.Generate()));

        var replaced = await client.GetStringAsync($"/teacher/{_token}");
        Assert.Contains("leraarlink werkt niet", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("De Regenboog", replaced, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadClass_IsRefusedWithAClearMessage()
    {
        using var teacher = _app.CreateBrowserlikeClient();

        var response = await FormPost.SubmitAsync(teacher, $"/teacher/{_token}", "add-class", new Dictionary<string, string> { ["class-name"] = "2B", ["class-pupils"] = "vijf" });

        Assert.Contains("Aantal leerlingen: een heel getal van 1 tot 60", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Store.GetEvent(_event.Id)!.Classes);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private static string CodeOn(string page) => SignInCodes.Normalize(SlipCode().Match(page).Groups[1].Value);

    /// <summary>The reissue form's button for a class, as a browser sends it (antiforgery token from the page).</summary>
    private async Task<HttpResponseMessage> ReissueAsync(HttpClient teacher, Guid classId)
    {
        var page = await teacher.GetStringAsync($"/teacher/{_token}");
        var token = Token().Match(page).Groups[1].Value;
        return await teacher.PostAsync($"/teacher/{_token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reissue",
            ["__RequestVerificationToken"] = token,
            ["Reissue.ClassId"] = classId.ToString(),
        }));
    }

    private Task Run(Func<LiveEvent, ILiveEventFact> decide) =>
        TestData.Ok(_app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(_event.Id, Guid.NewGuid(), "test", decide));

    [GeneratedRegex("class=\"slip-code\"><span class=\"visually-hidden\">[^<]*</span>([A-Z0-9-]+)</p>")]
    private static partial Regex SlipCode();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
