using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Tests.Shared;

/// <summary>Builds a small event through the real command path (journal + projections).</summary>
public static class TestData
{
    public static async Task<LiveEvent> SmallFinaleAsync(TestApp app, string name = "Testfinale")
    {
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var store = app.Services.GetRequiredService<ProjectionStore>();
        var eventId = Guid.NewGuid();
        var categoryId = Guid.NewGuid();
        var schoolId = Guid.NewGuid();
        var judgeId = Guid.NewGuid();
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.Create(eventId, EventKind.VakkanjersFinale, name, new DateOnly(2026, 6, 1), "Eindhoven", string.Empty, JoinCodes.Generate())));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddCategory(categoryId, "Junior", "Groep 7–8")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddSchool(schoolId, "De Regenboog", "Zwolle")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), "De Bouwers", schoolId, categoryId, "Slimme plantenbak", ["Daan", "Noor"])));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AppointJudge(judgeId, "Marieke de Vries", categoryId, null, true)));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.IssueJudgeCodes([new JudgeCode(judgeId, SignInCodes.Generate())])));
        return store.GetEvent(eventId)!;
    }

    public static async Task Ok(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.ErrorCode);
    }
}
