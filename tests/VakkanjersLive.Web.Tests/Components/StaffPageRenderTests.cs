using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Scoring.Rules;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Events;
using VakkanjersLive.Web.Features.Jury;
using VakkanjersLive.Web.Features.Live;
using VakkanjersLive.Web.Features.Moderation;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>
/// Staff pages rendered in a test renderer against a real app node (journal, projections, command path): one
/// subscription per visit, none left behind, no render for parts a page does not show, and bursts coalesced.
/// Time is a <see cref="FakeTimeProvider"/>, moved by the test; waits are on conditions, never fixed sleeps.
/// </summary>
public sealed class StaffPageRenderTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private CommandExecutor Commands => _app.Services.GetRequiredService<CommandExecutor>();

    private ProjectionStore Store => _app.Services.GetRequiredService<ProjectionStore>();

    [Theory]
    [InlineData("live")]
    [InlineData("moderation")]
    [InlineData("setup")]
    [InlineData("judging")]
    [InlineData("results")]
    [InlineData("jury")]
    [InlineData("chair")]
    [InlineData("events")]
    [InlineData("staff")]
    public async Task HundredVisits_SubscribeOnceEach_AndLeaveNoListenerBehind(string page)
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var before = Store.ListenerCount;

        for (var visit = 0; visit < 100; visit++)
        {
            await using var context = NewContext(page is "jury" or "chair" ? JudgeOf(finale, chair: page == "chair") : LeadModerator());
            _ = page switch
            {
                "live" => context.Render<LiveConsole>(p => p.Add(c => c.EventId, finale.Id)),
                "moderation" => context.Render<ModerationConsole>(p => p.Add(c => c.EventId, finale.Id)),
                "setup" => context.Render<EventEditor>(p => p.Add(c => c.EventId, finale.Id)),
                "judging" => context.Render<Features.Judging.JudgingConsole>(p => p.Add(c => c.EventId, finale.Id)),
                "results" => context.Render<Features.Judging.ResultsPage>(p => p.Add(c => c.EventId, finale.Id)),
                "jury" => context.Render<JuryHome>(),
                "chair" => context.Render<Features.Chair.ChairResults>(),
                "events" => context.Render<EventList>(),
                "staff" => (IRenderedComponent<Microsoft.AspNetCore.Components.IComponent>)context.Render<StaffPage>(),
                _ => throw new ArgumentOutOfRangeException(nameof(page)),
            };
            Assert.Equal(before + 1, Store.ListenerCount);
        }

        Assert.Equal(before, Store.ListenerCount);
    }

    [Fact]
    public async Task JudgesPage_DoesNotRender_ForTwoHundredChatMessages_ButDoesForTheStage()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        await using var context = NewContext(JudgeOf(finale, chair: false));
        var page = context.Render<JuryHome>();
        var first = finale.Teams.OrderBy(t => t.Name, StringComparer.CurrentCulture).First();
        page.WaitForAssertion(() => Assert.Equal(first.Id.ToString(), page.Find(".jury").GetAttribute("data-default-team")));
        var before = page.RenderCount;

        for (var i = 0; i < 200; i++)
        {
            await PostChatAsync(finale.Id, i);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // The stage is something a judge's page shows: that change renders (promptly: the frame has long passed).
        var onStage = finale.Teams.Single(t => t.Id != first.Id);
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.SetStage(onStage.CategoryId, onStage.Id)));
        page.WaitForAssertion(() => Assert.Equal(onStage.Id.ToString(), page.Find(".jury").GetAttribute("data-default-team")));
        Assert.Equal(1, page.RenderCount - before);
    }

    [Fact]
    public async Task ResultsPage_DoesNotRender_ForAHallVoting_UnlessAnAudiencePanelCountsThePoll()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        var category = finale.Categories[0].Id;
        var baken = finale.Schools.Single(s => s.Name == "Het Baken").Id;
        var (klas, poll) = (Guid.NewGuid(), Guid.NewGuid());
        var options = finale.Teams.Where(t => t.CategoryId == category).OrderBy(t => t.Name).Select(t => new PollOption(Guid.NewGuid(), t.Name, t.Id)).ToList();
        async Task Run(Func<LiveEvent, ILiveEventFact> decide) => await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", decide));
        await Run(s => s.AddClass(klas, baken, "4A", null, SignInCodes.Generate()));
        await Run(s => s.CreatePoll(poll, "Publieksprijs", options, resultsLive: false, PollMode.PerClass));
        await Run(s => s.OpenPoll(poll));
        await using var context = NewContext(LeadModerator());
        var page = context.Render<Features.Judging.ResultsPage>(p => p.Add(c => c.EventId, finale.Id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#results-table")));

        // A class never votes for its own school's team.
        var votable = options.Where(o => finale.FindTeam(o.TeamId!.Value)!.SchoolId != baken).ToList();
        async Task VoteAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "viewer", s => s.Vote(poll, votable[i % votable.Count].Id, Guid.NewGuid(), klas)));
                _time.Advance(TimeSpan.FromMilliseconds(10));
            }

            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // No audience panel: the votes are nothing the results show; a judging change after them is the one render.
        await VoteAsync(50);
        await Run(s => s.OpenJudging(finale.Teams[0].Id));
        _time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.True(page.Instance.ChangeRenders >= 1));
        Assert.Equal(1, page.Instance.ChangeRenders);

        // With the jury 80 / public 20 blend counting this poll, each vote moves the public's part: the page follows.
        await Run(s => s.DeclareCategoryRules(category, RulesPresets.Jury80Public20(s.RulesOf(category).Criteria)));
        await Run(s => s.LinkPanelPoll(category, "public", poll));
        _time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.True(page.Instance.ChangeRenders >= 2));
        var linked = page.Instance.ChangeRenders;
        await VoteAsync(5);
        page.WaitForAssertion(() => Assert.True(page.Instance.ChangeRenders > linked));
    }

    [Fact]
    public async Task ModerationConsole_HeldChatBurst_RendersAtMostFiveTimesASecond_AndShowsEveryHeldMessage()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        await TestData.Ok(Commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s =>
            s.ChangeChatSettings(new ChatSettings(ChatMode.Open, HoldForReview: true, SlowModeSeconds: 0, GeneratedNicknamesOnly: false, BlockLinks: true))));
        await using var context = NewContext(LeadModerator());
        var page = context.Render<ModerationConsole>(p => p.Add(c => c.EventId, finale.Id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#held-empty")));
        // The page's own renders: bunit's RenderCount also counts every MudBlazor child's renders.
        var before = page.Instance.Renders;

        // 200 held messages in two seconds of (fake) time, as fast as the command path takes them.
        for (var i = 0; i < 200; i++)
        {
            await PostChatAsync(finale.Id, i);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal(200, page.FindAll("#held-list > li").Count));
        page.WaitForAssertion(() => Assert.Contains("Bericht 199", page.Markup, StringComparison.Ordinal));
        var renders = page.Instance.Renders - before;
        Assert.InRange(renders, 1, (3 * 5) + 1);
    }

    public void Dispose() => _app.Dispose();

    private Task PostChatAsync(Guid eventId, int i) =>
        TestData.Ok(Commands.ForEventAsync(eventId, Guid.NewGuid(), "viewer", s =>
            s.PostChat(Guid.NewGuid(), Guid.NewGuid(), "Kijker", $"Bericht {i}", _time.GetUtcNow())));

    private BunitContext NewContext((string Name, Claim[] Claims, string[] Roles) user) => StaffBunit.Context(_app, _time, user);

    private static (string, Claim[], string[]) LeadModerator() =>
        ("chef", [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], [StaffRoles.Moderator, StaffRoles.LeadModerator]);

    private static (string, Claim[], string[]) JudgeOf(LiveEvent finale, bool chair)
    {
        var judge = finale.Judges.First(j => j.IsChair == chair);
        return (judge.Name, [new Claim(ClaimTypes.NameIdentifier, judge.Id.ToString()), new Claim(StaffClaims.EventId, finale.Id.ToString())], [StaffRoles.Judge]);
    }
}
