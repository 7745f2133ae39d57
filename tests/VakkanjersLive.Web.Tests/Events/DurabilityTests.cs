using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Events;

public sealed class DurabilityTests : IDisposable
{
    private TestApp _app = new();

    [Fact]
    public async Task EveryChange_SurvivesARestart()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        await TestData.Ok(commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.ChangeDetails("Finale (verplaatst)", new DateOnly(2026, 6, 8), "Utrecht", "Water")));

        _app = _app.Restart();

        var reloaded = _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id);
        Assert.NotNull(reloaded);
        Assert.Equal("Finale (verplaatst)", reloaded.Name);
        Assert.Equal("Utrecht", reloaded.Venue);
        Assert.Equal(finale.Teams.Select(t => t.Name), reloaded.Teams.Select(t => t.Name));
        Assert.Equal(finale.Judges[0].CodeHash, reloaded.Judges[0].CodeHash);
        Assert.NotNull(_app.Services.GetRequiredService<ProjectionStore>().Staff.FindByUserName(TestApp.AdminUser));
    }

    [Fact]
    public async Task SameCommandId_Twice_IsStoredOnce_AndAnsweredAsSuccess()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();
        var commandId = Guid.NewGuid();
        var categoryId = Guid.NewGuid();

        var first = await commands.ForEventAsync(finale.Id, commandId, "test", s => s.AddCategory(categoryId, "Scout", "1 vmbo"));
        var resend = await commands.ForEventAsync(finale.Id, commandId, "test", s => s.AddCategory(categoryId, "Scout", "1 vmbo"));

        Assert.True(first.Succeeded);
        Assert.True(resend.Succeeded);
        Assert.True(resend.WasDuplicate);
        Assert.Equal(first.Position, resend.Position);
        Assert.Equal(2, _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.Categories.Count);
    }

    [Fact]
    public async Task ConcurrentCommands_OnOneEvent_AreAllApplied_ThroughOptimisticRetries()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var commands = _app.Services.GetRequiredService<CommandExecutor>();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => commands.ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.AddSchool(Guid.NewGuid(), $"School {i}", "Ede")))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ErrorCode));
        Assert.Equal(31, _app.Services.GetRequiredService<ProjectionStore>().GetEvent(finale.Id)!.Schools.Count);
    }

    [Fact]
    public async Task BrokenRule_StoresNothing_AndReturnsTheCode()
    {
        var finale = await TestData.SmallFinaleAsync(_app);
        var store = _app.Services.GetRequiredService<ProjectionStore>();
        var before = store.GetEvent(finale.Id)!.Version;

        var result = await _app.Services.GetRequiredService<CommandExecutor>()
            .ForEventAsync(finale.Id, Guid.NewGuid(), "test", s => s.RemoveCategory(s.Categories[0].Id));

        Assert.False(result.Succeeded);
        Assert.Equal("category.in-use", result.ErrorCode);
        Assert.Equal(before, store.GetEvent(finale.Id)!.Version);
    }

    [Fact]
    public async Task Healthz_IsOk_WhenTheJournalAnswers()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
