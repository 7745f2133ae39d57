using Microsoft.Extensions.DependencyInjection;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Tests.Shared;

/// <summary>Builds a small event through the real command path (journal + projections).</summary>
public static class TestData
{
    // The journal keeps only hashes of judge codes: the codes these helpers issue, for tests that sign judges in.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> IssuedCodes = new();

    /// <summary>The sign-in code issued to <paramref name="judge"/> by these helpers (or <see cref="IssueCodesAsync"/>).</summary>
    public static string CodeOf(Judge judge) =>
        IssuedCodes.TryGetValue(judge.Id, out var code) ? code : throw new InvalidOperationException($"No code issued to {judge.Name} by the test helpers.");

    /// <summary>A seeded demo judge's code, read from the demo credentials file (the journal has only its hash).</summary>
    public static string DemoCodeOf(TestApp app, Judge judge) =>
        File.ReadAllLines(Path.Combine(app.DataDirectory, "demo-credentials.txt"))
            .Select(line => SignInCodes.Normalize(line.Trim().Split(' ', 2)[0]))
            .FirstOrDefault(code => SignInCodes.IsWellFormed(code) && SignInCodes.Hash(code) == judge.CodeHash)
        ?? throw new InvalidOperationException($"{judge.Name} has no code in the demo credentials file.");

    /// <summary>Issues new codes to the judges through the real command path and remembers them for <see cref="CodeOf"/>.</summary>
    public static async Task IssueCodesAsync(TestApp app, Guid eventId, params Guid[] judgeIds)
    {
        var codes = judgeIds.Select(j => new JudgeCode(j, SignInCodes.Generate())).ToList();
        await Ok(app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.IssueJudgeCodes(codes)));
        foreach (var code in codes)
        {
            IssuedCodes[code.JudgeId] = code.Code;
        }
    }

    public static async Task<LiveEvent> SmallFinaleAsync(TestApp app, string name = "Testfinale")
    {
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var store = app.Services.GetRequiredService<ProjectionStore>();
        var eventId = Guid.NewGuid();
        var categoryId = Guid.NewGuid();
        var schoolId = Guid.NewGuid();
        var judgeId = Guid.NewGuid();
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.Create(eventId, EventKind.VakkanjersFinale, name, DateOnly.FromDateTime(DateTime.UtcNow), "Eindhoven", string.Empty, JoinCodes.Generate())));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddCategory(categoryId, "Junior", "Groep 7–8")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddSchool(schoolId, "De Regenboog", "Zwolle")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), "De Bouwers", schoolId, categoryId, "Slimme plantenbak", ["Daan", "Noor"])));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AppointJudge(judgeId, "Marieke de Vries", categoryId, null, true)));
        await IssueCodesAsync(app, eventId, judgeId);
        return store.GetEvent(eventId)!;
    }

    /// <summary>A panel of two judges (the first is chair) scoring two teams on a two-criterion rubric.</summary>
    public static async Task<LiveEvent> JudgingFinaleAsync(TestApp app)
    {
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        var store = app.Services.GetRequiredService<ProjectionStore>();
        var eventId = Guid.NewGuid();
        var categoryId = Guid.NewGuid();
        var schoolA = Guid.NewGuid();
        var schoolB = Guid.NewGuid();
        var judges = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.Create(eventId, EventKind.VakkanjersFinale, "Jureerfinale", DateOnly.FromDateTime(DateTime.UtcNow), "Eindhoven", string.Empty, JoinCodes.Generate())));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddCategory(categoryId, "Junior", "Groep 7–8")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddCriterion(Guid.NewGuid(), "Oplossing", 3, 1, 10, "Lost het echt iets op?")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddCriterion(Guid.NewGuid(), "Presentatie", 1, 1, 10, string.Empty)));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddSchool(schoolA, "De Regenboog", "Zwolle")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AddSchool(schoolB, "Het Baken", "Almere")));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), "De Bouwers", schoolA, categoryId, "Slimme plantenbak", ["Daan", "Noor"])));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.RegisterTeam(Guid.NewGuid(), "De Vonken", schoolB, categoryId, "Windmolen", ["Sem"])));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AppointJudge(judges[0], "Marieke de Vries", categoryId, null, true)));
        await Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", s => s.AppointJudge(judges[1], "Hans Bakker", categoryId, null, false)));
        await IssueCodesAsync(app, eventId, judges);
        return store.GetEvent(eventId)!;
    }

    /// <summary>
    /// A finale with one locked category ("Junior") whose teams (named in order) one judge scored 9, 8, 7 …, so team n
    /// is in place n; the method is chosen, so the category is ready to freeze. <paramref name="winnerComment"/> is the
    /// judge's comment on the winner.
    /// </summary>
    public static async Task<LiveEvent> RankedCategoryAsync(TestApp app, Guid eventId, Guid categoryId, IReadOnlyList<string> teamNames, string? winnerComment = null)
    {
        var commands = app.Services.GetRequiredService<CommandExecutor>();
        Task Run(Func<LiveEvent, ILiveEventFact> decide) => Ok(commands.ForEventAsync(eventId, Guid.NewGuid(), "test", decide));
        var (judge, criterion, school) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Run(s => s.Create(eventId, EventKind.VakkanjersFinale, "Finale", DateOnly.FromDateTime(DateTime.UtcNow), "Eindhoven", string.Empty, JoinCodes.Generate()));
        await Run(s => s.AddCategory(categoryId, "Junior", "Groep 7–8"));
        await Run(s => s.AddSchool(school, "De Regenboog", "Zwolle"));
        await Run(s => s.AddCriterion(criterion, "Oplossing", 1, 1, 10, string.Empty));
        await Run(s => s.AppointJudge(judge, "Marieke de Vries", categoryId, null, true));
        for (var i = 0; i < teamNames.Count; i++)
        {
            var (team, name, score) = (Guid.NewGuid(), teamNames[i], 9 - i);
            await Run(s => s.RegisterTeam(team, name, school, categoryId, "Slimme plantenbak", ["Daan"]));
            await Run(s => s.OpenJudging(team));
            await Run(s => s.SubmitScore(judge, team, [new CriterionScore(criterion, score, string.Empty)], i == 0 ? winnerComment : null, null));
        }

        await Run(s => s.ChooseMethod(VakkanjersLive.Domain.Scoring.AggregationMethod.WeightedMean));
        await Run(s => s.LockCategory(categoryId));
        return app.Services.GetRequiredService<ProjectionStore>().GetEvent(eventId)!;
    }

    /// <summary>Chat without the child-safe preset (typed nicknames, no slow mode), for tests about other rules.</summary>
    public static Task OpenChatAsync(TestApp app, Guid eventId) =>
        Ok(app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(eventId, Guid.NewGuid(), "test", s =>
            s.ChangeChatSettings(new ChatSettings(ChatMode.Open, HoldForReview: false, SlowModeSeconds: 0, GeneratedNicknamesOnly: false, BlockLinks: true))));

    /// <summary>A new screen token for the event with this join code, as a moderator makes one on the live console.</summary>
    public static async Task<string> ScreenTokenAsync(TestApp app, string joinCode)
    {
        var liveEvent = app.Services.GetRequiredService<ProjectionStore>().FindEventByJoinCode(joinCode) ?? throw new InvalidOperationException($"No event {joinCode}.");
        var token = ScreenTokens.Generate();
        await Ok(app.Services.GetRequiredService<CommandExecutor>().ForEventAsync(liveEvent.Id, Guid.NewGuid(), "test", s => s.IssueScreenToken(Guid.NewGuid(), "Zaalscherm", token)));
        return token;
    }

    /// <summary>The address of a venue screen (<paramref name="mode"/> "screen") or the overlay ("overlay"), with a new token.</summary>
    public static async Task<string> ScreenPathAsync(TestApp app, string mode, string joinCode) =>
        $"/{mode}/{joinCode}?token={await ScreenTokenAsync(app, joinCode)}";

    public static async Task Ok(Task<CommandResult> command)
    {
        var result = await command;
        Assert.True(result.Succeeded, result.ErrorCode);
    }
}
