using VakkanjersLive.Cli;

namespace VakkanjersLive.Cli.Tests;

/// <summary>
/// <c>vakkanjers results</c> on the files in <c>Files/</c>, run in-process through <see cref="CommandLine.Run"/>.
/// The good files are the "Diving" and "Ranked ballots" tables of docs/scoring.md.
/// </summary>
public sealed class ResultsCommandTests
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "Files");

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = CommandLine.Run(args, output, error, Files);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Diving_PrintsRankScoreAndAColumnPerPerformance_WithTheDeclaredRounding()
    {
        var (code, output, error) = Run("results", "--rules", "diving.rules.json", "--scores", "diving.scores.csv");

        Assert.Equal(string.Empty, error);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal(
            """
            rank;team;score;performance:1;performance:2;performance:3;performance:4;performance:5;performance:6
            1;Bo;403.20;67.20;67.20;67.20;67.20;67.20;67.20
            2;Anna;401.60;67.20;78.40;57.60;86.40;70.40;41.60

            """.ReplaceLineEndings("\n"),
            output);
    }

    [Fact]
    public void RankedBallots_PrintAColumnPerPanel_AndBreakTheTieOnThePublicPoints()
    {
        var (code, output, _) = Run("results", "--rules", "eurovision.rules.json", "--scores", "eurovision.scores.csv");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal(
            """
            rank;team;score;panel:jury;panel:public
            1;Bravo;42;30;12
            2;Alpha;42;32;10
            3;Charlie;32;20;12
            4;Delta;18;8;10
            5;Echo;16;0;16

            """.ReplaceLineEndings("\n"),
            output);
    }

    [Fact]
    public void JuryAndPublicVotes_Blended80To20_PrintEachPanelsResult()
    {
        var (code, output, error) = Run("results", "--rules", "blend.rules.json", "--scores", "blend.scores.csv");

        Assert.Equal(string.Empty, error);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal(
            """
            rank;team;score;panel:jury;panel:public
            1;Bravo;37.44;90.00;6.00
            2;Alpha;37.19;70.00;20.00
            3;Charlie;25.36;50.00;12.00

            """.ReplaceLineEndings("\n"),
            output);
    }

    [Fact]
    public void BadBallots_ACriterionOrNegativePoints_AreRefusedWithTheirLines()
    {
        var (code, _, error) = Run("results", "--rules", "blend.rules.json", "--scores", "bad-blend.scores.csv");

        Assert.Equal(CommandLine.BadInput, code);
        Assert.Equal(
            """
            bad-blend.scores.csv:3: criterion: panel 'public' counts audience votes and has no criterion (got 'show')
            bad-blend.scores.csv:4: value: the votes or points -2 must be 0 or more

            """.ReplaceLineEndings("\n"),
            error);
    }

    [Fact]
    public void Out_WritesTheRankingToAFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vakkanjers-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, _) = Run("results", "--rules", "eurovision.rules.json", "--scores", "eurovision.scores.csv", "--out", file);

            Assert.Equal(CommandLine.Ok, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("rank;team;score;panel:jury;panel:public\n1;Bravo;42", File.ReadAllText(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Teams_ListsATeamWithoutMarksAsIncomplete()
    {
        var teams = Path.Combine(Path.GetTempPath(), $"vakkanjers-{Guid.NewGuid():N}.txt");
        File.WriteAllText(teams, "Anna\nBo\nCas\n");
        try
        {
            var (code, output, _) = Run("results", "--rules", "diving.rules.json", "--scores", "diving.scores.csv", "--teams", teams);

            Assert.Equal(CommandLine.Ok, code);
            Assert.EndsWith("\n;Cas;;;;;;;\n", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(teams);
        }
    }

    [Fact]
    public void BadScores_AreRefusedWithEveryLineAndReason()
    {
        var (code, output, error) = Run("results", "--rules", "diving.rules.json", "--scores", "bad.scores.csv");

        Assert.Equal(CommandLine.BadInput, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            """
            bad.scores.csv:3: value: criterion 'dive': 7.3 is not on the step 0.5
            bad.scores.csv:4: team: required
            bad.scores.csv:4: value: 'eight' is not a number (use 7.5 or 7,5)
            bad.scores.csv:5: criterion: unknown criterion 'jump'
            bad.scores.csv:6: factor: team 'Anna', performance '1' already has factor 3.2
            bad.scores.csv:7: criterion: judge 'J1' already gave team 'Anna' a value for 'dive'

            """.ReplaceLineEndings("\n"),
            error);
    }

    [Fact]
    public void BadRules_AreRefusedWithLineJsonPathAndReason()
    {
        var (code, _, error) = Run("results", "--rules", "bad.rules.json", "--scores", "diving.scores.csv");

        Assert.Equal(CommandLine.BadInput, code);
        Assert.Equal(
            """
            bad.rules.json:3: $.criteria[0].step: criterion 'dive': the step 0.3 must be greater than 0 and divide max - min (10)
            bad.rules.json:5: $.panel.method: expected one of "mean", "sum", "median", "zscore"

            """.ReplaceLineEndings("\n"),
            error);
    }

    [Fact]
    public void MissingFile_IsRefusedWithExitCode2()
    {
        var (code, _, error) = Run("results", "--rules", "nowhere.json", "--scores", "diving.scores.csv");

        Assert.Equal(CommandLine.BadInput, code);
        Assert.StartsWith("nowhere.json:0: cannot read:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("results", "--rules", "diving.rules.json")]
    [InlineData("results", "--rules")]
    [InlineData("results", "--rules", "a", "--scores", "b", "--colour", "red")]
    [InlineData("rank")]
    public void WrongArguments_GiveExitCode1(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(CommandLine.Usage, code);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Help_DescribesTheCommand()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("vakkanjers results --rules <rules.json> --scores <scores.csv>", output, StringComparison.Ordinal);
    }
}
