using System.Net;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Security;

/// <summary>Scores never stay behind in a browser or proxy cache: exports and printable pages are no-store.</summary>
public sealed class NoStoreTests : IAsyncLifetime
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
    [InlineData("exports/scores.csv")]
    [InlineData("exports/results.csv")]
    [InlineData("exports/audit.csv")]
    [InlineData("exports/scores-long.csv")]
    [InlineData("exports/rules.json")]
    [InlineData("results/print")]
    [InlineData("feedback")]
    [InlineData("")] // the setup page: judge codes are shown there once, over the circuit only
    public async Task ScoresAndCodes_AreNeverStored(string path)
    {
        var response = await (await StaffClients.ModeratorAsync(_app)).GetAsync($"/events/{_event.Id}/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }
}
