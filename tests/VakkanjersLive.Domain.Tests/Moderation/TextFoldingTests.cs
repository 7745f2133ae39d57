using System.Text;
using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Domain.Tests.Moderation;

/// <summary><see cref="TextFolding"/>: Unicode's confusables and default-ignorables, NFKC, case and invisible characters.</summary>
public sealed class TextFoldingTests
{
    [Fact]
    public void TheEmbeddedDataIsUnicode15()
    {
        Assert.Equal("15.0.0", TextFolding.UnicodeVersion);
        Assert.Equal(6311, TextFolding.ConfusableCount);
    }

    [Theory]
    [InlineData(0x00AD)]
    [InlineData(0x200B)]
    [InlineData(0x200D)]
    [InlineData(0x115F)]
    [InlineData(0x1160)]
    [InlineData(0x3164)]
    [InlineData(0xFFA0)]
    [InlineData(0xFE0F)]
    [InlineData(0xE0041)]
    [InlineData(0x034F)]
    public void IsDefaultIgnorable_KnowsTheUnicodeList(int codePoint)
    {
        Assert.True(TextFolding.IsDefaultIgnorable(codePoint));
    }

    [Theory]
    [InlineData('a')]
    [InlineData(' ')]
    [InlineData(0x2800)]
    [InlineData(0x00E9)]
    public void IsDefaultIgnorable_LeavesOrdinaryCharactersOut(int codePoint)
    {
        Assert.False(TextFolding.IsDefaultIgnorable(codePoint));
    }

    [Theory]
    [InlineData("\u3164")]
    [InlineData("\u3164\u3164 \u3164")]
    [InlineData("\u2800\u2800")]
    [InlineData("\u115F\u1160")]
    [InlineData("\uFFA0")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\u0301\u0301")]
    [InlineData("\U0001D159")]
    [InlineData("\u3000\u00A0\u2003")]
    [InlineData("")]
    [InlineData(null)]
    public void HasVisibleCharacter_IsFalseForTextWithoutInk(string? text)
    {
        Assert.False(TextFolding.HasVisibleCharacter(text));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("\u3164a\u3164")]
    [InlineData("😀")]
    [InlineData("❤️")]
    [InlineData(".")]
    [InlineData("日本")]
    [InlineData("é")]
    public void HasVisibleCharacter_IsTrueForAnythingVisible(string text)
    {
        Assert.True(TextFolding.HasVisibleCharacter(text));
    }

    [Theory]
    [InlineData("ｓｉｔｅ．ｎｌ", "site.nl")]
    [InlineData("\U0001D42C\U0001D422\U0001D42D\U0001D41E", "site")]
    [InlineData("\u0455hit", "shit")]
    [InlineData("\u043Aut", "kut")]
    [InlineData("\u041AUT", "kut")]
    [InlineData("\u03BA\u03BF\u03C4", "kot")]
    [InlineData("k\u3164u\u200Bt", "kut")]
    [InlineData("kan\u2800ker", "kan ker")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("٠٦١٢", "0612")]
    [InlineData("Hallo   daar", "hallo daar")]
    [InlineData("Moderator", "moderator")]
    [InlineData("\u1D0B\u1D1C\u1D1B", "kut")]
    [InlineData("\U0001F17A\U0001F184\U0001F183", "kut")]
    [InlineData("\U0001F15A\U0001F164\U0001F163", "kut")]
    [InlineData("\u24DA\u24E4\u24E3", "kut")]
    [InlineData("\uA4D7\uA4F4\uA4D4", "kut")]
    [InlineData("k\u0332u\u0332t\u0332", "kut")]
    [InlineData("\u0199\u0173\u0163", "kut")]
    [InlineData("日本", "日本")]
    [InlineData("", "")]
    public void Fold_MapsWhatLooksTheSameToOneForm(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }

    [Fact]
    public void Fold_NeverThrows_OnBrokenUtf16()
    {
        Assert.Equal("ab", TextFolding.Fold("a\uD800b"));
    }

    [Theory]
    [InlineData("paypal", "pаypаl")]
    [InlineData("l", "I")]
    [InlineData("rn", "m")]
    [InlineData("O", "0")]
    public void Skeleton_IsEqualForConfusableStrings(string one, string other)
    {
        Assert.Equal(TextFolding.Skeleton(one), TextFolding.Skeleton(other));
    }

    [Fact]
    public void Skeleton_DiffersForDifferentLooks()
    {
        Assert.NotEqual(TextFolding.Skeleton("a"), TextFolding.Skeleton("b"));
        Assert.Equal(TextFolding.Skeleton("x").Normalize(NormalizationForm.FormD), TextFolding.Skeleton("x"));
    }

    [Theory]
    [InlineData("Slimme Vos 42", "slimme_vos_42")]
    [InlineData("Slimme Vos 42", "SLIMME VOS 42")]
    [InlineData("Slimme Vos 42", "\u0405limme Vos 42")]
    [InlineData("Slimme Vos 42", "Slimme\u3164Vos 42")]
    [InlineData("Slimme Vos 10", "Slimme Vos lO")]
    [InlineData("Moderator", "Rnoderator")]
    public void NameKey_IsEqualForNamesThatLookAlike(string one, string other)
    {
        Assert.Equal(TextFolding.NameKey(one), TextFolding.NameKey(other));
    }

    [Theory]
    [InlineData("Slimme Vos 42", "Slimme Vos 43")]
    [InlineData("Slimme Vos 42", "Slimme Das 42")]
    [InlineData("Sanne", "Sanna")]
    public void NameKey_DiffersForDifferentNames(string one, string other)
    {
        Assert.NotEqual(TextFolding.NameKey(one), TextFolding.NameKey(other));
    }

    [Theory]
    [InlineData("Moderator")]
    [InlineData("moderator")]
    [InlineData("M0derat0r")]
    [InlineData("Mod3rator")]
    [InlineData("Rnoderator")]
    [InlineData("\u041Coderator")]
    [InlineData("M\u043Ed\u0435r\u0430t\u043Er")]
    [InlineData("Ｍｏｄｅｒａｔｏｒ")]
    [InlineData("Mooderatorr")]
    [InlineData("M o d e r a t o r")]
    public void ReservedKey_IsEqualForLookAlikesAndLeetspeak(string text)
    {
        Assert.Equal(TextFolding.ReservedKey("moderator"), TextFolding.ReservedKey(text));
    }
}
