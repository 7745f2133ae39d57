namespace VakkanjersLive.Domain.Tests;

public sealed class GuardTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("  abc  ", "abc")]
    [InlineData("\tabc\r\n", "abc")]
    [InlineData("a  b", "a  b")]
    [InlineData("\u00A0abc\u2003", "abc")]
    public void Text_TrimsSurroundingWhitespaceOnly(string value, string expected)
    {
        Assert.Equal(expected, Guard.Text(value, "field", 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Text_WhenRequiredAndEmpty_IsRejectedWithFieldCode(string? value)
    {
        var exception = Rejected.With("team.name.required", () => Guard.Text(value, "team.name", 10));

        Assert.Empty(exception.Arguments);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_WhenOptionalAndEmpty_ReturnsEmptyString(string? value)
    {
        Assert.Equal(string.Empty, Guard.Text(value, "field", 10, required: false));
    }

    [Fact]
    public void Text_OfExactlyMaximumLength_IsAccepted()
    {
        Assert.Equal("abcde", Guard.Text("abcde", "field", 5));
    }

    [Fact]
    public void Text_LongerThanMaximum_IsRejectedWithTheMaximum()
    {
        var exception = Rejected.With("field.too-long", () => Guard.Text("abcdef", "field", 5));

        Assert.Equal(5, Assert.Single(exception.Arguments));
    }

    [Fact]
    public void Text_LongerThanMaximum_IsRejectedEvenWhenOptional()
    {
        Rejected.With("field.too-long", () => Guard.Text("abcdef", "field", 5, required: false));
    }

    [Fact]
    public void Text_LengthIsMeasuredAfterTrimming()
    {
        Assert.Equal("abc", Guard.Text("    abc    ", "field", 3));
    }

    [Fact]
    public void Text_IsNormalisedToComposedForm()
    {
        var result = Guard.Text("Zoe\u0308", "field", 3);

        Assert.Equal("Zo\u00EB", result);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    public void Text_WithControlCharacterInside_IsRejected(string value)
    {
        Rejected.With("field.invalid-characters", () => Guard.Text(value, "field", 10));
    }

    [Theory]
    [InlineData("a\u200Bb")]
    [InlineData("a\u200Cb")]
    [InlineData("a\u200Db")]
    [InlineData("a\u2060b")]
    [InlineData("a\uFEFFb")]
    [InlineData("a\u00ADb")]
    [InlineData("\u200B")]
    [InlineData("\uFEFFabc")]
    public void Text_WithZeroWidthCharacter_IsRejected(string value)
    {
        Rejected.With("field.invalid-characters", () => Guard.Text(value, "field", 10));
    }

    [Theory]
    [InlineData("a\u200Eb")]
    [InlineData("a\u200Fb")]
    [InlineData("a\u202Ab")]
    [InlineData("a\u202Bb")]
    [InlineData("a\u202Cb")]
    [InlineData("a\u202Db")]
    [InlineData("a\u202Eb")]
    [InlineData("a\u2066b")]
    [InlineData("a\u2067b")]
    [InlineData("a\u2068b")]
    [InlineData("a\u2069b")]
    public void Text_WithBidiControlCharacter_IsRejected(string value)
    {
        Rejected.With("field.invalid-characters", () => Guard.Text(value, "field", 10));
    }

    [Fact]
    public void Text_WithForbiddenCharacter_IsRejectedEvenWhenOptional()
    {
        Rejected.With("field.invalid-characters", () => Guard.Text("a\u202Eb", "field", 10, required: false));
    }

    [Theory]
    [InlineData("Zoë & Noël")]
    [InlineData("'s-Hertogenbosch")]
    [InlineData("Team 🚀")]
    [InlineData("Юлия")]
    [InlineData("محمد")]
    [InlineData("100% (echt!)")]
    public void Text_WithOrdinaryPrintableText_IsAccepted(string value)
    {
        Assert.Equal(value, Guard.Text(value, "field", 20));
    }
}
