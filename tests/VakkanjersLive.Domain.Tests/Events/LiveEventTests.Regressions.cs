using VakkanjersLive.Domain.Events;
using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Domain.Tests.Events;

public sealed partial class LiveEventTests
{
    [Fact]
    public void ImportFinalists_ListingTheSameNewSchoolTwice_IsRejected()
    {
        var school = new SchoolAdded(Guid.NewGuid(), "ROC Tilburg", "Tilburg");
        var twin = new SchoolAdded(Guid.NewGuid(), "roc tilburg", "Tilburg");

        Rejected.With("school.name.duplicate", () => _event.ImportFinalists([school, twin], [TeamRow("De Bouwers", school.SchoolId)]));
        Rejected.With("id.invalid", () => _event.ImportJury([school, school], [new JudgeAppointed(Guid.NewGuid(), "Jan", _techniek, null, false)]));
    }

    [Fact]
    public void Text_WithALoneSurrogate_IsRejectedAsInvalidCharacters()
    {
        Rejected.With("school.name.invalid-characters", () => _event.AddSchool(Guid.NewGuid(), "a\uD800b", "Tilburg"));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("'")]
    [InlineData("--")]
    public void MemberName_OfPunctuationOnly_IsRejected(string member)
    {
        Rejected.With("team.member.first-name-only", () => _event.RegisterTeam(Guid.NewGuid(), "De Bouwers", _daVinci, _techniek, "Project", [member]));
    }

    [Fact]
    public void DuplicateNames_AreFoundWhateverTheServerCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        try
        {
            var e = _event.Then(_event.AddCategory(Guid.NewGuid(), "ICT", string.Empty));
            Rejected.With("category.name.duplicate", () => e.AddCategory(Guid.NewGuid(), "ict", string.Empty));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TryParseEvent_RejectsUpperCaseIds()
    {
        var id = Guid.NewGuid();
        Assert.False(JournalStreams.TryParseEvent("event-" + id.ToString("N").ToUpperInvariant(), out _));
        Assert.True(JournalStreams.TryParseEvent(JournalStreams.ForEvent(id), out var parsed));
        Assert.Equal(id, parsed);
    }
}
