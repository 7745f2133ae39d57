namespace VakkanjersLive.Domain.Events;

public enum ChatStatus
{
    Shown,
    Held,
    Rejected,
    Hidden,
}

/// <summary>A chat message as moderators see it; the public sees only <see cref="ChatStatus.Shown"/> ones.</summary>
public sealed record ChatMessage(Guid Id, Guid ViewerId, string Nickname, string Text, long Position, ChatStatus Status);

public sealed record ChatReport(Guid MessageId, Guid ReporterId, string Reason, long Position);

public sealed record Announcement(Guid Id, string Text, long Position);

/// <summary>A viewer's nickname in the event, and whether it was generated (not typed).</summary>
public sealed record ViewerNickname(string Nickname, bool Generated);
