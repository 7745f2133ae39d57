using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed class CodesTests
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    [Fact]
    public void Alphabet_LeavesOutLookAlikeCharacters()
    {
        Assert.Equal(Alphabet, CodeAlphabet.Characters);
        foreach (var ambiguous in "01OIL")
        {
            Assert.DoesNotContain(ambiguous, CodeAlphabet.Characters);
        }

        Assert.Equal(CodeAlphabet.Characters.Length, CodeAlphabet.Characters.Distinct().Count());
    }

    [Fact]
    public void JoinCodesGenerate_ReturnsWellFormedSixCharacterCodes()
    {
        for (var i = 0; i < 500; i++)
        {
            var code = JoinCodes.Generate();

            Assert.Equal(6, code.Length);
            Assert.All(code, c => Assert.Contains(c, Alphabet));
            Assert.True(JoinCodes.IsWellFormed(code), code);
        }
    }

    [Fact]
    public void SignInCodesGenerate_ReturnsWellFormedTenCharacterCodes()
    {
        for (var i = 0; i < 500; i++)
        {
            var code = SignInCodes.Generate();

            Assert.Equal(10, code.Length);
            Assert.All(code, c => Assert.Contains(c, Alphabet));
            Assert.True(SignInCodes.IsWellFormed(code), code);
        }
    }

    [Fact]
    public void Generate_ReturnsDifferentCodesEachTime()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SignInCodes.Generate()).ToList();

        // 31^10 possibilities: a collision among 200 codes would point at broken randomness.
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Generate_EventuallyUsesEveryCharacterOfTheAlphabet()
    {
        var seen = new HashSet<char>();
        for (var i = 0; i < 2000 && seen.Count < Alphabet.Length; i++)
        {
            seen.UnionWith(SignInCodes.Generate());
        }

        Assert.Equal(Alphabet.OrderBy(c => c), seen.OrderBy(c => c));
    }

    [Theory]
    [InlineData("ABC234")]
    [InlineData("ZZZZZZ")]
    [InlineData("234567")]
    public void JoinCodesIsWellFormed_AcceptsSixAlphabetCharacters(string code)
    {
        Assert.True(JoinCodes.IsWellFormed(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("abc234")]
    [InlineData("ABC-23")]
    [InlineData("ABC 23")]
    [InlineData("ABC230")]
    [InlineData("ABC231")]
    [InlineData("ABCO23")]
    [InlineData("ABCI23")]
    [InlineData("ABCL23")]
    [InlineData("ÄBC234")]
    public void JoinCodesIsWellFormed_RejectsAnythingElse(string? code)
    {
        Assert.False(JoinCodes.IsWellFormed(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ABC234")]
    [InlineData("ABCDE-23456")]
    [InlineData("abcde23456")]
    [InlineData("ABCDE2345O")]
    [InlineData("ABCDE234567")]
    public void SignInCodesIsWellFormed_RejectsAnythingButTenAlphabetCharacters(string? code)
    {
        Assert.False(SignInCodes.IsWellFormed(code));
    }

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData(" abc-234 ", "ABC234")]
    [InlineData("a b\tc-2-3-4", "ABC234")]
    [InlineData("ABC234", "ABC234")]
    [InlineData("", "")]
    [InlineData("---", "")]
    public void JoinCodesNormalize_StripsSpacesAndDashesAndUpperCases(string typed, string expected)
    {
        Assert.Equal(expected, JoinCodes.Normalize(typed));
    }

    [Theory]
    [InlineData("abcde-23456", "ABCDE23456")]
    [InlineData(" ABCDE 23456 ", "ABCDE23456")]
    [InlineData("abcde\u00A023456", "ABCDE23456")]
    [InlineData("ABCDE23456", "ABCDE23456")]
    public void SignInCodesNormalize_StripsSpacesAndDashesAndUpperCases(string typed, string expected)
    {
        Assert.Equal(expected, SignInCodes.Normalize(typed));
    }

    [Fact]
    public void Normalize_OfNull_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, JoinCodes.Normalize(null));
        Assert.Equal(string.Empty, SignInCodes.Normalize(null));
    }

    [Fact]
    public void Normalize_DoesNotMapLookAlikes_SoTheyStayMalformed()
    {
        var normalized = JoinCodes.Normalize("abc-2o4");

        Assert.Equal("ABC2O4", normalized);
        Assert.False(JoinCodes.IsWellFormed(normalized));
    }

    [Fact]
    public void SignInCodesFormat_SplitsIntoTwoGroupsOfFive()
    {
        Assert.Equal("ABCDE-23456", SignInCodes.Format("ABCDE23456"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDE-23456")]
    [InlineData("ABCDE234567")]
    public void SignInCodesFormat_LeavesCodesOfOtherLengthsAlone(string code)
    {
        Assert.Equal(code, SignInCodes.Format(code));
    }

    [Fact]
    public void SignInCodes_FormattedThenNormalized_GivesBackTheCode()
    {
        for (var i = 0; i < 50; i++)
        {
            var code = SignInCodes.Generate();
            var formatted = SignInCodes.Format(code);

            Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", formatted);
            Assert.Equal(code, SignInCodes.Normalize(formatted.ToLowerInvariant()));
        }
    }
}
