using System.Net;
using System.Net.Http.Json;
using System.Text;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Jury;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>A bad body gets a stable code and a localised message, never the parser's exception text.</summary>
public sealed class ScoreApiErrorTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private LiveEvent _event = default!;

    public async Task InitializeAsync() => _event = await TestData.JudgingFinaleAsync(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("{\"teamId\": \"nope\"", "application/json")]
    [InlineData("{\"commandId\": 12, \"teamId\": [], \"scores\": {}}", "application/json")]
    [InlineData("not json at all", "application/json")]
    [InlineData("{\"scores\": [{\"criterionId\": \"x\", \"value\": \"high\"}]}", "application/json")]
    [InlineData("commandId=1", "text/plain")]
    public async Task MalformedBodies_GetAStableCode_AndNoExceptionText(string body, string mediaType)
    {
        var judge = await StaffClients.JudgeAsync(_app, _event);

        var response = await judge.PostAsync("/api/jury/scores", new StringContent(body, Encoding.UTF8, mediaType));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<ScoreReceipt>();
        Assert.NotNull(receipt);
        Assert.False(receipt.Ok);
        Assert.Equal("score.payload.invalid", receipt.Code);
        Assert.False(string.IsNullOrWhiteSpace(receipt.Message));
        foreach (var leak in new[] { "Exception", "System.", "JSON", "Path:", "LineNumber", "BytePosition", "Microsoft.", "ScoreSubmission", "parameter" })
        {
            Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task MalformedBody_InEnglish_GetsTheEnglishMessage()
    {
        var judge = await StaffClients.JudgeAsync(_app, _event);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jury/scores") { Content = new StringContent("{", Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var dutch = new HttpRequestMessage(HttpMethod.Post, "/api/jury/scores") { Content = new StringContent("{", Encoding.UTF8, "application/json") };

        var english = await (await judge.SendAsync(request)).Content.ReadFromJsonAsync<ScoreReceipt>();
        var nl = await (await judge.SendAsync(dutch)).Content.ReadFromJsonAsync<ScoreReceipt>();

        Assert.Equal("score.payload.invalid", english!.Code);
        Assert.NotEqual(english.Message, nl!.Message);
    }
}
