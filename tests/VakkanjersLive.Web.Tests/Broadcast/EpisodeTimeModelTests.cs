using VakkanjersLive.Domain;
using VakkanjersLive.Web.Features.Broadcast;

namespace VakkanjersLive.Web.Tests.Broadcast;

public sealed class EpisodeTimeModelTests
{
    [Theory]
    [InlineData("15:30", "16:45")]
    [InlineData("15:30:00", "16:45:00")]
    public void Parse_ReadsTheBrowsersDateAndTimeInputs(string start, string end)
    {
        var (starts, ends) = new EpisodeTimeModel { Date = "2026-10-27", Start = start, End = end }.Parse();

        Assert.Equal(new DateTime(2026, 10, 27, 15, 30, 0), starts);
        Assert.Equal(new DateTime(2026, 10, 27, 16, 45, 0), ends);
    }

    [Fact]
    public void Parse_AnEndBeforeTheStart_IsTheNextDay()
    {
        var (_, ends) = new EpisodeTimeModel { Date = "2026-10-27", Start = "23:30", End = "00:30" }.Parse();

        Assert.Equal(new DateTime(2026, 10, 28, 0, 30, 0), ends);
    }

    [Theory]
    [InlineData(null, "15:30", "16:30")]
    [InlineData("27-10-2026", "15:30", "16:30")]
    [InlineData("2026-10-27", "half vier", "16:30")]
    [InlineData("2026-10-27", "15:30", "")]
    public void Parse_SomethingThatIsNoDateOrTime_IsRefused(string? date, string start, string end)
    {
        var exception = Assert.Throws<DomainException>(() => new EpisodeTimeModel { Date = date, Start = start, End = end }.Parse());

        Assert.Equal("episode.time.invalid", exception.Code);
    }
}
