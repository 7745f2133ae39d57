using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using VakkanjersLive.Domain.Broadcast;
using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Infrastructure.Projections;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Features.Events;

namespace VakkanjersLive.Web.Features.Demo;

/// <summary>
/// On an empty journal: seeds a Vakkanjers finale (5 categories, 140 teams from 36 schools, a 4-criterion rubric,
/// 3 judges per category, a drafted audience vote) and one LIVE episode with an open poll, plus a demo moderator with a
/// generated password. The sign-in details (moderator and password, the judges' codes) go to the credentials file in
/// the data folder (mode 0600), rewritten on every start; the banner prints the URL, where that file is and the
/// audience join codes (public anyway), never a password or a judge code.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes,
    ProjectionStore store,
    CommandExecutor commands,
    JudgeCodeIssuer codeIssuer,
    IOptions<DemoOptions> options,
    IWebHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public const string DemoUserName = "moderator";
    private const string Actor = "demo-seed";
    private const int TeamsPerCategory = 28;
    private const string ClassSection = "Per-class publieksprijs of";
    private const string ScreenSection = "Venue screens and overlays (screen tokens; make more on the live console):";
    private const string SpeeddateSection = "Company speeddate of";

    // The credentials file's teacher link and class codes (issue 11), in clear only there.
    private readonly List<string> _classLines = [];

    // The credentials file's speeddate links (teacher links with the class pages, company links), in clear only there.
    private readonly List<string> _speeddateLines = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        // The journal keeps only hashes of judge codes: the seeded codes are known at seeding, and after a restart
        // from the credentials file (the ones that still sign in).
        IReadOnlyDictionary<Guid, string> codes;
        if (store.Events.Count == 0)
        {
            codes = await SeedFinaleAsync(cancellationToken);
            await SeedLiveEpisodeAsync(cancellationToken);
            await SeedClassesAsync(cancellationToken);
            await SeedSpeeddateAsync(cancellationToken);
            LogSeeded(logger, store.Events.Sum(e => e.Teams.Count));
        }
        else
        {
            codes = ReadDemoCodes();
            ReadClassLines();
            ReadSpeeddateLines();
        }

        var password = store.Staff.HasAccounts ? ReadDemoPassword() : await CreateDemoModeratorAsync(cancellationToken);
        await WriteCredentialsAsync(password, codes, cancellationToken);
        lifetime.ApplicationStarted.Register(PrintBanner);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string CredentialsPath => Path.GetFullPath(options.Value.CredentialsFile, environment.ContentRootPath);

    private async Task<IReadOnlyDictionary<Guid, string>> SeedFinaleAsync(CancellationToken ct)
    {
        var eventId = Guid.NewGuid();
        var random = new Random(2026);
        var finaleDate = DateOnly.FromDateTime(DateTime.Today.AddDays(14));
        await Run(eventId, s => s.Create(eventId, EventKind.VakkanjersFinale, "Vakkanjers finale 2026", finaleDate, "Evoluon, Eindhoven", "Techniek voor een echte opdrachtgever", JoinCodes.Generate()), ct);
        await Run(eventId, s => s.AddRound(Guid.NewGuid(), "Finale"), ct);

        var categoryIds = new List<Guid>();
        foreach (var (name, description) in DemoData.Categories)
        {
            var id = Guid.NewGuid();
            categoryIds.Add(id);
            await Run(eventId, s => s.AddCategory(id, name, description), ct);
        }

        foreach (var (name, weight, help) in DemoData.Rubric)
        {
            await Run(eventId, s => s.AddCriterion(Guid.NewGuid(), name, weight, 1, 10, help), ct);
        }

        var schools = DemoData.Schools.Select(s => new SchoolAdded(Guid.NewGuid(), s.Name, s.City)).ToList();
        var teams = new List<TeamRegistered>();
        for (var c = 0; c < categoryIds.Count; c++)
        {
            var (from, to) = DemoData.SchoolRangePerCategory[c];
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < TeamsPerCategory; t++)
            {
                string name;
                do
                {
                    name = $"{Pick(random, DemoData.TeamPrefixes)} {Pick(random, DemoData.TeamWords)}";
                }
                while (!names.Add(name));
                var project = $"{Pick(random, DemoData.Solutions)} voor {Pick(random, DemoData.Clients)}";
                var members = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Pick(random, DemoData.FirstNames)).Distinct().ToList();
                teams.Add(new TeamRegistered(Guid.NewGuid(), name, schools[from + (t % (to - from))].SchoolId, categoryIds[c], project, members));
            }
        }

        await Run(eventId, s => s.ImportFinalists(schools, teams), ct);

        var judges = new List<JudgeAppointed>();
        for (var c = 0; c < categoryIds.Count; c++)
        {
            for (var j = 0; j < 3; j++)
            {
                // The second judge of each panel teaches at a competing school: the conflict-of-interest case.
                var (from, _) = DemoData.SchoolRangePerCategory[c];
                Guid? school = j == 1 ? schools[from + c].SchoolId : null;
                judges.Add(new JudgeAppointed(Guid.NewGuid(), DemoData.JudgeNames[(c * 3) + j], categoryIds[c], school, IsChair: j == 0));
            }
        }

        await Run(eventId, s => s.ImportJury([], judges), ct);
        var withoutCodes = store.GetEvent(eventId)!.Judges;
        var codes = codeIssuer.For(withoutCodes);
        await Run(eventId, s => s.IssueJudgeCodes(codes), ct);

        // The programme: each category's running order from 9:30 (5 min presentation, 3 min questions, 2 min
        // change-over), so "volgende team" in the judging console works from the first team on.
        foreach (var categoryId in categoryIds)
        {
            await Run(eventId, s => s.PlanRunningOrder(categoryId, finaleDate, new TimeOnly(9, 30), 300, 180, 120), ct);
        }

        // Ready to judge: in every category the first team is on stage with judging open.
        foreach (var categoryId in categoryIds)
        {
            var first = store.GetEvent(eventId)!.Teams.Where(t => t.CategoryId == categoryId).OrderBy(t => t.Name, StringComparer.Ordinal).First();
            await Run(eventId, s => s.SetStage(categoryId, first.Id), ct);
            await Run(eventId, s => s.OpenJudging(first.Id), ct);
        }

        // Every event starts holding chat for review (ChatSettings.Safe, docs/filters.md). The demo finale is what load
        // generators and the cluster tests chat in, by the thousand, with no moderator to approve: it posts straight
        // away, on the moderation log as the demo's own change. The live episode keeps the default.
        await Run(eventId, s => s.ChangeChatSettings(ChatSettings.Safe with { HoldForReview = false }), ct);

        // The audience vote for the finale, drafted: the moderator opens it from the live console.
        var finale = store.GetEvent(eventId)!;
        var onStage = categoryIds.Select(c => finale.OnStage(c)!.Name).Distinct(StringComparer.InvariantCultureIgnoreCase).Select(n => new PollOption(Guid.NewGuid(), n)).ToList();
        await Run(eventId, s => s.CreatePoll(Guid.NewGuid(), "Welk team verdient de publieksprijs?", onStage, resultsLive: false), ct);
        return codes.ToDictionary(c => c.JudgeId, c => c.Code);
    }

    /// <summary>
    /// The per-class publieksprijs (issue 11): a teacher link for the finale's first school and two class codes, listed
    /// in the credentials file (the journal keeps only their hashes).
    /// </summary>
    private async Task SeedClassesAsync(CancellationToken ct)
    {
        var finale = store.Events.First(e => e.Judges.Count > 0);
        var school = finale.Schools.OrderBy(s => s.Name, StringComparer.Ordinal).First();
        var token = TeacherLinks.Generate();
        await Run(finale.Id, s => s.IssueTeacherLink(school.Id, token), ct);
        _classLines.AddRange([string.Empty, $"{ClassSection} {finale.Name} (docs/audience.md):", $"    teacher link for {school.Name}: /teacher/{token}"]);
        foreach (var name in new[] { "2B", "3A" })
        {
            var code = SignInCodes.Generate();
            await Run(finale.Id, s => s.AddClass(Guid.NewGuid(), school.Id, name, null, code), ct);
            _classLines.Add($"    class {name} ({school.Name}): {SignInCodes.Format(code)}  (/live?class={code})");
        }

        // Venue screens and overlays join with a screen token (docs/hub.md): one per event for the demo.
        _classLines.AddRange([string.Empty, ScreenSection]);
        foreach (var liveEvent in store.Events.ToList())
        {
            var screenToken = ScreenTokens.Generate();
            await Run(liveEvent.Id, s => s.IssueScreenToken(Guid.NewGuid(), "Demo", screenToken), ct);
            _classLines.Add($"    {liveEvent.Name}: /screen/{liveEvent.JoinCode}?token={screenToken}  /overlay/{liveEvent.JoinCode}?token={screenToken}");
        }
    }

    /// <summary>The teacher link and class code lines of the credentials file that still work (not re-issued or purged).</summary>
    private void ReadClassLines()
    {
        if (!File.Exists(CredentialsPath))
        {
            return;
        }

        var stored = File.ReadAllLines(CredentialsPath);
        var kept = stored.Where(line => !line.Contains("speeddate", StringComparison.Ordinal)).Where(line =>
            (TeacherToken().Match(line) is { Success: true } t && store.Events.Any(e => e.SchoolOfTeacherLink(SignInCodes.Hash(t.Groups[1].Value)) is not null))
            || (ClassCode().Match(line) is { Success: true } c && store.Events.Any(e => e.ClassWithCodeHash(SignInCodes.Hash(c.Groups[1].Value)) is not null))).ToList();
        if (kept.Count > 0)
        {
            var finale = store.Events.First(e => e.Judges.Count > 0);
            _classLines.AddRange([string.Empty, $"{ClassSection} {finale.Name} (docs/audience.md):", .. kept]);
        }

        var screens = stored.Where(line => ScreenToken().Match(line) is { Success: true } m && store.Events.Any(e => e.ScreenWithTokenHash(SignInCodes.Hash(m.Groups[1].Value)) is not null)).ToList();
        if (screens.Count > 0)
        {
            _classLines.AddRange([string.Empty, ScreenSection, .. screens]);
        }
    }

    /// <summary>
    /// The upcoming episode's company speeddate (issue 14 item 5): two vmbo schools with a teacher link each and two
    /// classes each, all taking part; three companies with their meeting rooms and company links; the rotation built
    /// (rounds of five minutes, every class meets every company). The class pages (behind the teacher links) and the
    /// company links go to the credentials file only.
    /// </summary>
    private async Task SeedSpeeddateAsync(CancellationToken ct)
    {
        var episode = store.Events.First(e => e.IsEpisode && e.Broadcast.State == EpisodeState.Planned);
        _speeddateLines.AddRange([string.Empty, $"{SpeeddateSection} {episode.Name} (producer: /events/{episode.Id}/speeddate; docs/architecture.md):"]);
        foreach (var (schoolIndex, classes) in DemoData.SpeeddateClasses)
        {
            var (schoolName, city) = DemoData.Schools[schoolIndex];
            var schoolId = Guid.NewGuid();
            await Run(episode.Id, s => s.AddSchool(schoolId, schoolName, city), ct);
            var token = TeacherLinks.Generate();
            await Run(episode.Id, s => s.IssueTeacherLink(schoolId, token), ct);
            _speeddateLines.Add($"    teacher link for {schoolName} (speeddate): /teacher/{token}");
            foreach (var className in classes)
            {
                var classId = Guid.NewGuid();
                await Run(episode.Id, s => s.AddClass(classId, schoolId, className, null, SignInCodes.Generate()), ct);
                await Run(episode.Id, s => s.AddSpeeddateClass(classId), ct);
                _speeddateLines.Add($"    class {className} ({schoolName}): /teacher/{token}/speeddate/{classId}");
            }
        }

        foreach (var (name, intro, person, meetingUrl) in DemoData.SpeeddateCompanies)
        {
            var token = TeacherLinks.Generate();
            await Run(episode.Id, s => s.AddSpeeddateCompany(Guid.NewGuid(), name, intro, person, meetingUrl, token), ct);
            _speeddateLines.Add($"    company {name}: /speeddate/{token}");
        }

        await Run(episode.Id, s => s.BuildSpeeddateRotation(5 * 60, DemoData.SpeeddateCompanies.Length), ct);
    }

    /// <summary>The speeddate lines of the credentials file whose teacher or company link still works.</summary>
    private void ReadSpeeddateLines()
    {
        if (!File.Exists(CredentialsPath))
        {
            return;
        }

        var kept = File.ReadAllLines(CredentialsPath).Where(line => line.Contains("speeddate", StringComparison.Ordinal)).Where(line =>
            (TeacherToken().Match(line) is { Success: true } t && store.Events.Any(e => !e.Speeddate.ClassIds.IsEmpty && e.SchoolOfTeacherLink(SignInCodes.Hash(t.Groups[1].Value)) is not null))
            || (CompanyToken().Match(line) is { Success: true } c && store.Events.Any(e => e.CompanyWithLinkHash(SignInCodes.Hash(c.Groups[1].Value)) is not null))).ToList();
        var episode = store.Events.FirstOrDefault(e => !e.Speeddate.Companies.IsEmpty);
        if (kept.Count > 0 && episode is not null)
        {
            _speeddateLines.AddRange([string.Empty, $"{SpeeddateSection} {episode.Name} (producer: /events/{episode.Id}/speeddate; docs/architecture.md):", .. kept]);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("/speeddate/([A-Z0-9]{20})")]
    private static partial System.Text.RegularExpressions.Regex CompanyToken();

    [System.Text.RegularExpressions.GeneratedRegex(@"\?token=([A-Z0-9]{20})")]
    private static partial System.Text.RegularExpressions.Regex ScreenToken();

    [System.Text.RegularExpressions.GeneratedRegex("/teacher/([A-Z0-9]{20})")]
    private static partial System.Text.RegularExpressions.Regex TeacherToken();

    [System.Text.RegularExpressions.GeneratedRegex(@"/live\?class=([A-Z0-9]{10})")]
    private static partial System.Text.RegularExpressions.Regex ClassCode();

    private async Task SeedLiveEpisodeAsync(CancellationToken ct)
    {
        var eventId = Guid.NewGuid();
        var date = DateOnly.FromDateTime(DateTime.Today.AddDays(7));
        await Run(eventId, s => s.Create(eventId, EventKind.TechniekLive, "Sterk Techniekonderwijs LIVE", date, "Online", "Techniekhubs", JoinCodes.Generate()), ct);

        // A poll with live results is open, so the audience page shows one straight away.
        var pollId = Guid.NewGuid();
        var options = DemoData.PollChoices.Select(c => new PollOption(Guid.NewGuid(), c)).ToList();
        await Run(eventId, s => s.CreatePoll(pollId, "Wat wil jij het liefst eens doen in een techniekhub?", options, resultsLive: true), ct);
        await Run(eventId, s => s.OpenPoll(pollId), ct);

        // Questions are on: three approved (with upvotes) for the audience, two waiting in the moderators' queue.
        await Run(eventId, s => s.SwitchQuestions(true), ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var (text, approved, upvotes) in DemoData.Questions)
        {
            var questionId = Guid.NewGuid();
            await Run(eventId, s => s.AskQuestion(questionId, Guid.NewGuid(), Realtime.Nicknames.Generate(), text, now), ct);
            if (approved)
            {
                await Run(eventId, s => s.ApproveQuestion(questionId), ct);
                for (var i = 0; i < upvotes; i++)
                {
                    await Run(eventId, s => s.Upvote(questionId, Guid.NewGuid()), ct);
                }
            }
        }

        await SeedSeriesAsync(eventId, date, ct);
    }

    /// <summary>
    /// The broadcast series: three past episodes, a month apart, with guests and replays, and the LIVE event above as
    /// the upcoming fourth episode with its guests (its join link opens the waiting room).
    /// </summary>
    private async Task SeedSeriesAsync(Guid upcomingEventId, DateOnly upcomingDate, CancellationToken ct)
    {
        var seriesId = Guid.NewGuid();
        var (name, description, organiser) = DemoData.Series;
        var created = await commands.ForSeriesAsync(Guid.NewGuid(), Actor, c => c.Create(seriesId, name, description, organiser), ct);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed: {created.ErrorCode}");
        }

        for (var i = 0; i < DemoData.Episodes.Length; i++)
        {
            var (theme, episodeDescription, guests, replay) = DemoData.Episodes[i];
            var number = i + 1;
            var last = i == DemoData.Episodes.Length - 1;
            var eventId = last ? upcomingEventId : Guid.NewGuid();
            var starts = (last ? upcomingDate : upcomingDate.AddMonths(i + 1 - DemoData.Episodes.Length)).ToDateTime(new TimeOnly(15, 30));
            if (!last)
            {
                await Run(eventId, s => s.Create(eventId, EventKind.TechniekLive, $"{name} #{number}", DateOnly.FromDateTime(starts), "Online", theme, JoinCodes.Generate()), ct);
            }

            await Run(eventId, s => s.PlanEpisode(seriesId, number, theme, episodeDescription, starts, starts.AddMinutes(60)), ct);
            foreach (var (guestName, role, organisation) in guests)
            {
                await Run(eventId, s => s.AddGuest(Guid.NewGuid(), guestName, role, organisation, adult: true, consentNoted: true), ct);
            }

            await SeedSegmentsAsync(eventId, ct);
            if (!last)
            {
                await Run(eventId, s => s.GoLive(), ct);
                await RunSegmentsAsync(eventId, AmsterdamTime.ToInstant(starts), ct);
                await Run(eventId, s => s.EndEpisode(), ct);
                await Run(eventId, s => s.PublishReplay(replay), ct);
            }
        }
    }

    /// <summary>The run-of-show (DemoData.Segments), with its prepared poll as a draft and the guests on the panel and Q&amp;A.</summary>
    private async Task SeedSegmentsAsync(Guid eventId, CancellationToken ct)
    {
        var pollId = Guid.NewGuid();
        var options = DemoData.SegmentPollChoices.Select(c => new PollOption(Guid.NewGuid(), c)).ToList();
        await Run(eventId, s => s.CreatePoll(pollId, DemoData.SegmentPollQuestion, options, resultsLive: true), ct);
        var guests = store.GetEvent(eventId)!.Broadcast.Guests.Select(g => g.Id).ToList();
        foreach (var (segmentName, minutes, notes, withGuests, questions, poll, slowMode, _) in DemoData.Segments)
        {
            await Run(eventId, s => s.PlanSegment(Guid.NewGuid(), segmentName, minutes, notes, withGuests ? guests : [], questions, poll ? pollId : null, slowMode), ct);
        }
    }

    /// <summary>A past episode's run-of-show, as its producer clicked through it (the chapters of its replay).</summary>
    private async Task RunSegmentsAsync(Guid eventId, DateTimeOffset startsAt, CancellationToken ct)
    {
        var at = startsAt;
        foreach (var segment in DemoData.Segments.Select(s => s.Ran).Append(0))
        {
            var now = at;
            await Run(eventId, s => s.AdvanceSegment(now), ct);
            for (var i = 0; i < 4 && store.GetEvent(eventId)!.HasSegmentSwitchDue; i++)
            {
                await Run(eventId, s => s.SwitchForSegment(), ct);
            }

            at += TimeSpan.FromMinutes(segment);
        }
    }

    private async Task<string> CreateDemoModeratorAsync(CancellationToken ct)
    {
        var password = GeneratePassword();
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
        var result = await accounts.RegisterAsync(Guid.NewGuid(), Actor, DemoUserName, "Demo-moderator", password, ModeratorRole.Admin, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo moderator not created: {result.ErrorCode}");
        }

        return password;
    }

    /// <summary>
    /// The credentials file: the demo moderator and password on its first two lines (while that password still opens
    /// the account), then each event's judges with their sign-in codes. Owner-only (0600), written whole.
    /// </summary>
    private async Task WriteCredentialsAsync(string? password, IReadOnlyDictionary<Guid, string> codes, CancellationToken ct)
    {
        var lines = password is not null
            ? new List<string> { DemoUserName, password }
            : ["# No demo moderator: sign in with your own account.", string.Empty];
        foreach (var liveEvent in store.Events.Where(e => e.Judges.Exists(j => codes.ContainsKey(j.Id))))
        {
            lines.Add(string.Empty);
            lines.Add($"Judges of {liveEvent.Name} (sign in at /jury):");
            foreach (var judge in liveEvent.Judges.Where(j => codes.ContainsKey(j.Id)).OrderBy(j => liveEvent.FindCategory(j.CategoryId)?.Name, StringComparer.Ordinal))
            {
                lines.Add($"    {SignInCodes.Format(codes[judge.Id])}  {judge.Name} ({liveEvent.FindCategory(judge.CategoryId)?.Name}{(judge.IsChair ? ", chair" : string.Empty)})");
            }
        }

        lines.AddRange(_classLines);
        lines.AddRange(_speeddateLines);
        var directory = Path.GetDirectoryName(CredentialsPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(CredentialsPath)}.{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllLinesAsync(temporary, lines, ct);
        }
        else
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var owner = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
            await using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), owner))
            {
                foreach (var line in lines)
                {
                    await writer.WriteLineAsync(line.AsMemory(), ct);
                }
            }
        }

        File.Move(temporary, CredentialsPath, overwrite: true);
    }

    private void PrintBanner()
    {
        var urls = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { string.Empty, "==== VakkanjersLive demo ====" };
        lines.AddRange(urls.Select(u => $"  Open:       {u}"));
        lines.Add($"  Sign in:    moderator password and judge codes are in {CredentialsPath} (readable by you only)");
        foreach (var liveEvent in store.Events.OrderBy(e => e.Judges.Count == 0))
        {
            lines.Add($"  {liveEvent.Name}: audience join code {liveEvent.JoinCode}{(liveEvent.RunningPoll is not null ? " (a poll is open)" : string.Empty)}");
        }

        foreach (var series in store.Series.All)
        {
            lines.Add($"  {series.Name}: schedule at /series/{series.Id}");
        }

        lines.Add("=============================");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }

    /// <summary>The judge codes in the credentials file that still sign their judge in (not re-issued or purged since).</summary>
    private Dictionary<Guid, string> ReadDemoCodes()
    {
        var codes = new Dictionary<Guid, string>();
        if (!File.Exists(CredentialsPath))
        {
            return codes;
        }

        var judgesByHash = store.Events.SelectMany(e => e.Judges).Where(j => j.HasCode).ToDictionary(j => j.CodeHash!, StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(CredentialsPath))
        {
            var code = SignInCodes.Normalize(line.Trim().Split(' ', 2)[0]);
            if (SignInCodes.IsWellFormed(code) && judgesByHash.TryGetValue(SignInCodes.Hash(code), out var judge))
            {
                codes[judge.Id] = code;
            }
        }

        return codes;
    }

    /// <summary>The stored demo password, only while it still opens the demo account.</summary>
    private string? ReadDemoPassword()
    {
        if (!File.Exists(CredentialsPath))
        {
            return null;
        }

        var stored = File.ReadAllLines(CredentialsPath);
        using var scope = scopes.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
        return stored.Length >= 2 && store.Staff.FindByUserName(stored[0]) is { } account && accounts.Verifies(account, stored[1])
            ? stored[1]
            : null;
    }

    private async Task Run(Guid eventId, Func<LiveEvent, ILiveEventFact> decide, CancellationToken ct)
    {
        var result = await commands.ForEventAsync(eventId, Guid.NewGuid(), Actor, decide, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed: {result.ErrorCode} ({string.Join(", ", result.ErrorArguments)})");
        }
    }

    private static string GeneratePassword() =>
        string.Create(16, 0, static (span, _) =>
        {
            const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo: {TeamCount} finalist teams")]
    private static partial void LogSeeded(ILogger logger, int teamCount);
}
