using VakkanjersLive.Domain.Journal;

namespace VakkanjersLive.Domain.Tests.Journal;

public sealed class JournalStreamsTests
{
    [Fact]
    public void ForEvent_BuildsPrefixedLowerCaseHexId()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("event-0f8fad5bd9cb469fa16570867728950e", JournalStreams.ForEvent(id));
    }

    [Fact]
    public void ForEvent_ThenTryParseEvent_GivesBackTheEventId()
    {
        var id = Guid.NewGuid();

        var parsed = JournalStreams.TryParseEvent(JournalStreams.ForEvent(id), out var eventId);

        Assert.True(parsed);
        Assert.Equal(id, eventId);
    }

    [Fact]
    public void ForEvent_IsAValidStreamId()
    {
        var exception = Record.Exception(() => JournalStreams.EnsureValid(JournalStreams.ForEvent(Guid.NewGuid())));

        Assert.Null(exception);
    }

    [Fact]
    public void Staff_IsAValidStreamIdThatIsNotAnEvent()
    {
        var exception = Record.Exception(() => JournalStreams.EnsureValid(JournalStreams.Staff));

        Assert.Null(exception);
        Assert.False(JournalStreams.TryParseEvent(JournalStreams.Staff, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("staff")]
    [InlineData("event-")]
    [InlineData("event-not-a-guid")]
    [InlineData("event-0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("event-0f8fad5bd9cb469fa16570867728950")]
    [InlineData("event-0f8fad5bd9cb469fa16570867728950e0")]
    [InlineData("Event-0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("events-0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    public void TryParseEvent_OfOtherStreamIds_ReturnsFalseAndEmptyId(string streamId)
    {
        var parsed = JournalStreams.TryParseEvent(streamId, out var eventId);

        Assert.False(parsed);
        Assert.Equal(Guid.Empty, eventId);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("staff")]
    [InlineData("event-123")]
    [InlineData("a-b-c-0-9")]
    public void EnsureValid_AcceptsLowerCaseLettersDigitsAndDashes(string streamId)
    {
        var exception = Record.Exception(() => JournalStreams.EnsureValid(streamId));

        Assert.Null(exception);
    }

    [Fact]
    public void EnsureValid_AcceptsSixtyFourCharacters()
    {
        var exception = Record.Exception(() => JournalStreams.EnsureValid(new string('a', 64)));

        Assert.Null(exception);
    }

    [Fact]
    public void EnsureValid_RejectsMoreThanSixtyFourCharacters()
    {
        Assert.Throws<ArgumentException>(() => JournalStreams.EnsureValid(new string('a', 65)));
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("EVENT-1")]
    [InlineData("event 1")]
    [InlineData(" staff")]
    [InlineData("event_1")]
    [InlineData("event.1")]
    [InlineData("event/1")]
    [InlineData("évent")]
    [InlineData("staff\n")]
    public void EnsureValid_RejectsUpperCaseSpacesAndOtherCharacters(string streamId)
    {
        var exception = Assert.Throws<ArgumentException>(() => JournalStreams.EnsureValid(streamId));

        Assert.Equal("streamId", exception.ParamName);
    }

    [Fact]
    public void EnsureValid_RejectsEmpty()
    {
        Assert.Throws<ArgumentException>(() => JournalStreams.EnsureValid(""));
    }

    [Fact]
    public void EnsureValid_RejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => JournalStreams.EnsureValid(null!));
    }
}
