using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Tests.Shared;
using VakkanjersLive.Web.Features.Observability;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.Observability;

public sealed class MetricsTests : IDisposable
{
    private const string ScrapeToken = "metrics-test-token-0123456789";

    // /metrics is for the operator's scraper (Security/MetricsAccessTests): this one has the token.
    private readonly TestApp _app = new(settings: new Dictionary<string, string?> { ["Metrics:Token"] = ScrapeToken });

    [Fact]
    public async Task Metrics_CountConnectionsMessagesAndAppends_ForPrometheusAndTheStatusPanel()
    {
        var finale = await TestData.JudgingFinaleAsync(_app);
        await TestData.OpenChatAsync(_app, finale.Id);
        await using var viewer = await HubClient.ConnectAsync(_app);
        await viewer.JoinAsync(finale.JoinCode);
        await viewer.ChatAsync("meten is weten");
        await viewer.WaitForAsync(i => i.Text == "meten is weten");

        var status = _app.Services.GetRequiredService<LiveMetrics>().Snapshot();
        Assert.Equal(1, status.Connections["audience"]);
        Assert.True(status.MessagesInPerSecond > 0);
        Assert.True(status.MessagesOutPerSecond > 0);
        Assert.NotNull(status.FanoutP50);
        Assert.NotNull(status.AppendP50);

        var scraper = _app.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);
        var scrape = await scraper.GetStringAsync("/metrics");
        Assert.Contains("vkl_connections", scrape, StringComparison.Ordinal);
        Assert.Contains("vkl_messages_in", scrape, StringComparison.Ordinal);
        Assert.Contains("vkl_journal_append_duration", scrape, StringComparison.Ordinal);
        Assert.DoesNotContain("meten is weten", scrape, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
