using VakkanjersLive.Domain.Moderation;

namespace VakkanjersLive.Domain.Tests.Moderation;

/// <summary><see cref="ContactDetector"/>: links, e-mail addresses and Dutch phone numbers in chat text.</summary>
public sealed class ContactDetectorTests
{
    // ---- links -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("kijk op http://example.com")]
    [InlineData("https://vakkanjers.nl/live")]
    [InlineData("HTTPS://VAKKANJERS.NL")]
    [InlineData("ga naar www.voorbeeld")]
    [InlineData("site.nl")]
    [InlineData("SITE.NL")]
    [InlineData("mijn-site.be")]
    [InlineData("site[dot]com")]
    [InlineData("site (dot) com")]
    [InlineData("join discord.gg/abc")]
    [InlineData("volg me op tiktok.com!")]
    public void HasLink_FindsLinksAndSpelledOutDomains(string text)
    {
        Assert.True(ContactDetector.HasLink(text));
        Assert.True(ContactDetector.HasContactDetails(text));
    }

    [Theory]
    [InlineData("ik ben 12 jaar")]
    [InlineData("score 8.5")]
    [InlineData("2026")]
    [InlineData("team 3")]
    [InlineData("Goed.Echt")]
    [InlineData("Super gedaan.Echt waar")]
    [InlineData("14:30")]
    [InlineData("Wat een gave uitvinding!")]
    [InlineData("site.example")]
    [InlineData("x.nl")]
    [InlineData("website nl")]
    public void HasLink_OnOrdinaryText_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasLink(text));
    }

    [Theory]
    [InlineData("Even wachten. Info volgt")]
    [InlineData("Ik was er. Net op tijd!")]
    [InlineData("Goed gedaan. De jury was streng")]
    [InlineData("Wat leuk. Me too")]
    [InlineData("Wat leuk . Me too")]
    [InlineData("Ik was er . Net op tijd")]
    public void HasLink_OnASentenceWithSpacesAroundAFullStop_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasLink(text));
    }

    /// <summary>Issue 11: a space before the dot, a doubled dot, or a bracketed dot still make a link, before an ending that is no word.</summary>
    [Theory]
    [InlineData("site . nl")]
    [InlineData("site .nl")]
    [InlineData("site..nl")]
    [InlineData("site(.)nl")]
    [InlineData("site [.] com")]
    public void HasLink_FindsADomainWithASpacedOrBracketedDot(string text)
    {
        Assert.True(ContactDetector.HasLink(text));
    }

    [Fact]
    public void HasLink_FindsADomainSpelledWithTheWordDot()
    {
        Assert.True(ContactDetector.HasLink("site dot nl"));
        Assert.True(ContactDetector.HasLink("site punt nl"));
    }

    // ---- e-mail ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("jan@school.nl")]
    [InlineData("mail me: Jan.De-Vries+chat@Mail.School.NL")]
    [InlineData("jan @ school.nl")]
    [InlineData("jan [at] school.nl")]
    [InlineData("jan(at)school.nl")]
    [InlineData("jan (at) school.com")]
    public void HasEmail_FindsAddressesIncludingSpelledOutAt(string text)
    {
        Assert.True(ContactDetector.HasEmail(text));
        Assert.True(ContactDetector.HasContactDetails(text));
    }

    [Theory]
    [InlineData("@jan hoi!")]
    [InlineData("jan@school")]
    [InlineData("jan [at] school")]
    [InlineData("we zijn at school")]
    [InlineData("ik ben 12 jaar")]
    [InlineData("Goed.Echt")]
    public void HasEmail_OnOrdinaryTextOrAnAddressWithoutDomain_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasEmail(text));
    }

    [Fact]
    public void HasEmail_FindsAnAddressSpelledWithTheWordsAtAndDot()
    {
        Assert.True(ContactDetector.HasEmail("jan at school dot nl"));
    }

    // ---- phone numbers -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("06 1234 5678")]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("0612345678")]
    [InlineData("bel me op 0612345678!")]
    [InlineData("+31 6 12345678")]
    [InlineData("+31612345678")]
    [InlineData("0031612345678")]
    [InlineData("00 31 6 12345678")]
    public void HasPhoneNumber_FindsDutchNumbersInTheirUsualForms(string text)
    {
        Assert.True(ContactDetector.HasPhoneNumber(text));
        Assert.True(ContactDetector.HasContactDetails(text));
    }

    [Theory]
    [InlineData("ik ben 12 jaar")]
    [InlineData("score 8.5")]
    [InlineData("2026")]
    [InlineData("team 3")]
    [InlineData("Goed.Echt")]
    [InlineData("14:30")]
    [InlineData("om 14:30 en om 15:45")]
    [InlineData("1234567")]
    [InlineData("0612 345")]
    [InlineData("+3")]
    public void HasPhoneNumber_OnShortNumbers_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasPhoneNumber(text));
    }

    [Theory]
    [InlineData("al 100000 kijkers")]
    [InlineData("+100 punten")]
    [InlineData("1 2 3 4 5 6 7 8")]
    [InlineData("De finale is op 12-05-2026")]
    [InlineData("Scores: 8.5 9.5 7.5 8.0")]
    [InlineData("12345678")]
    public void HasPhoneNumber_OnScoresDatesAndLargeNumbers_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasPhoneNumber(text));
    }

    // ---- social-media handles ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("snap: jan_2012")]
    [InlineData("insta @janvries")]
    [InlineData("volg me op tiktok")]
    [InlineData("dm me!")]
    [InlineData("mijn discord is jan#1234")]
    [InlineData("@jan_2012")]
    [InlineData("@sanne04 is mijn insta")]
    public void HasSocialHandle_FindsHandlesAndInvites(string text)
    {
        Assert.True(ContactDetector.HasSocialHandle(text));
        Assert.True(ContactDetector.HasPersonalContact(text));
    }

    [Theory]
    [InlineData("@Sanne goed gedaan!")]
    [InlineData("@Team12 jullie waren top")]
    [InlineData("@groep8b zet hem op")]
    [InlineData("Ik snap het niet")]
    [InlineData("Heb je dat op tiktok gezien?")]
    [InlineData("Ik app me moeder even")]
    public void HasSocialHandle_OnMentionsAndPlatformNames_FindsNothing(string text)
    {
        Assert.False(ContactDetector.HasSocialHandle(text));
    }

    [Fact]
    public void HasSocialHandle_AnAtBeforeANicknameInUse_IsAMention()
    {
        static bool InUse(string word) => TextFolding.NameKey(word) == TextFolding.NameKey("Lotte_2012");

        Assert.True(ContactDetector.HasSocialHandle("@lotte_2012 goed gedaan"));
        Assert.False(ContactDetector.HasSocialHandle("@lotte_2012 goed gedaan", InUse));
        Assert.False(ContactDetector.HasPersonalContact("@Lotte_2012 goed gedaan", InUse));

        // A platform next to it still makes it a handle.
        Assert.True(ContactDetector.HasSocialHandle("@lotte_2012 op tiktok", InUse));
    }

    // ---- all together ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Wat een gave uitvinding, team 3!")]
    [InlineData("Ik ben 12 jaar en zit in groep 8")]
    [InlineData("Begint het om 14:30?")]
    public void HasContactDetails_OnOrdinaryOrNoText_FindsNothing(string? text)
    {
        Assert.False(ContactDetector.HasLink(text));
        Assert.False(ContactDetector.HasEmail(text));
        Assert.False(ContactDetector.HasPhoneNumber(text));
        Assert.False(ContactDetector.HasContactDetails(text));
    }

    [Fact]
    public void HasContactDetails_FindsEachKindOnItsOwn()
    {
        Assert.True(ContactDetector.HasContactDetails("kijk op site.nl"));
        Assert.False(ContactDetector.HasEmail("kijk op site.nl"));
        Assert.False(ContactDetector.HasPhoneNumber("kijk op site.nl"));

        Assert.True(ContactDetector.HasContactDetails("bel 06-12345678"));
        Assert.False(ContactDetector.HasLink("bel 06-12345678"));
        Assert.False(ContactDetector.HasEmail("bel 06-12345678"));
    }
}
