using VakkanjersLive.Domain;
using VakkanjersLive.Domain.Scoring.Rules;

namespace VakkanjersLive.Cli;

/// <summary>
/// <c>vakkanjers results --rules rules.json --scores scores.csv [--teams teams.txt] [--out results.csv]</c>: reads the
/// rules and the long scores file, computes the ranking with <see cref="RulesEngine"/> and prints it as CSV.
/// </summary>
public static class CommandLine
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Wrong arguments (unknown command or option, missing value).</summary>
    public const int Usage = 1;

    /// <summary>A file could not be read or was refused; the reasons are on standard error as <c>file:line: reason</c>.</summary>
    public const int BadInput = 2;

    public const string Help = """
        Usage: vakkanjers results --rules <rules.json> --scores <scores.csv> [--teams <teams.txt>] [--out <results.csv>]

        Recomputes a ranking from files with the same domain code as the web app.

          --rules   The scoring rules as JSON (schema in docs/scoring.md, "Rules model").
          --scores  The scores in the long format: one row per judge x team x criterion, semicolon separated,
                    header team;performance;factor;panel;judge;criterion;value (performance, factor, panel optional).
                    Values take a decimal point or a decimal comma.
          --teams   Optional: the teams in list order, one per line (ties no rule separates keep this order; listed
                    teams without marks are shown as incomplete). Default: order of first appearance in the scores.
          --out     Write the ranking to this file instead of standard output.
          --help    Show this text.

        Output: rank;team;score, then a column per panel (panel:<id>) and per performance (performance:<id>),
        with the declared rounding. Incomplete teams (fewer judges than minJudges) have no rank.
        Exit codes: 0 success, 1 wrong arguments, 2 a refused file (file:line: reason on standard error).
        """;

    /// <summary>Runs the tool; relative paths are resolved against <paramref name="directory"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string directory)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(Help);
            return args.Count == 0 ? Usage : Ok;
        }

        if (args[0] != "results")
        {
            error.WriteLine($"Unknown command '{args[0]}'. Try --help.");
            return Usage;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] is not ("--rules" or "--scores" or "--teams" or "--out"))
            {
                error.WriteLine($"Unknown option '{args[i]}'. Try --help.");
                return Usage;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"Option {args[i]} needs a file name.");
                return Usage;
            }

            options[args[i]] = args[++i];
        }

        foreach (var required in new[] { "--rules", "--scores" })
        {
            if (!options.ContainsKey(required))
            {
                error.WriteLine($"Option {required} is required. Try --help.");
                return Usage;
            }
        }

        var rulesFile = options["--rules"];
        var scoresFile = options["--scores"];
        if (!TryRead(directory, rulesFile, error, out var rulesText)
            || !TryRead(directory, scoresFile, error, out var scoresText))
        {
            return BadInput;
        }

        ScoringRules rules;
        try
        {
            rules = RulesJson.Read(rulesText);
        }
        catch (RulesFileException e)
        {
            Report(error, rulesFile, e);
            return BadInput;
        }

        IReadOnlyList<string>? teams = null;
        if (options.TryGetValue("--teams", out var teamsFile))
        {
            if (!TryRead(directory, teamsFile, error, out var teamsText))
            {
                return BadInput;
            }

            var listed = new List<string>();
            var lines = teamsText.TrimStart('\uFEFF').Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var team = lines[i].Trim();
                if (team.Length > 0 && listed.Contains(team, StringComparer.Ordinal))
                {
                    error.WriteLine(new FileError(i + 1, string.Empty, $"team '{team}' is listed twice").Format(teamsFile));
                    return BadInput;
                }

                if (team.Length > 0)
                {
                    listed.Add(team);
                }
            }

            teams = listed;
        }

        ScoresFile scores;
        try
        {
            scores = ScoresCsv.Read(scoresText, rules);
        }
        catch (RulesFileException e)
        {
            Report(error, scoresFile, e);
            return BadInput;
        }

        if (teams is not null)
        {
            var problems = RulesEngine.Check(rules, scores.Marks, teams);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    error.WriteLine(new FileError(scores.Lines[problem.Index], "team", problem.Reason).Format(scoresFile));
                }

                return BadInput;
            }
        }

        RulesResult result;
        try
        {
            result = RulesEngine.Compute(rules, scores.Marks, teams);
        }
        catch (DomainException e)
        {
            // Everything the engine refuses is checked above with a line; this is a last line of defence.
            error.WriteLine($"{scoresFile}:0: {RulesMessages.Describe(e.Code, e.Arguments)}");
            return BadInput;
        }

        var csv = ResultsCsv.Write(result, rules);
        if (options.TryGetValue("--out", out var outFile))
        {
            try
            {
                File.WriteAllText(Path.Combine(directory, outFile), csv);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"{outFile}:0: cannot write: {e.Message}");
                return BadInput;
            }
        }
        else
        {
            output.Write(csv);
        }

        return Ok;
    }

    private static bool TryRead(string directory, string file, TextWriter error, out string text)
    {
        try
        {
            text = File.ReadAllText(Path.Combine(directory, file));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file}:0: cannot read: {e.Message}");
            text = string.Empty;
            return false;
        }
    }

    private static void Report(TextWriter error, string file, RulesFileException exception)
    {
        foreach (var problem in exception.Errors)
        {
            error.WriteLine(problem.Format(file));
        }
    }
}
