using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>What the audience sees: chat, stream, reactions switch, countdown and the step-by-step reveal.</summary>
public sealed partial record LiveEvent
{
    public const int MaxChatLength = 300;
    public const int MaxNicknameLength = 24;

    /// <summary>How many recent chat messages the projection keeps (the journal keeps them all until purged).</summary>
    public const int ChatHistorySize = 500;

    public ImmutableList<ChatMessage> Chat { get; private init; } = [];

    public string StreamUrl { get; private init; } = string.Empty;

    public bool ReactionsEnabled { get; private init; } = true;

    public DateTimeOffset? CountdownEndsAt { get; private init; }

    public string CountdownLabel { get; private init; } = string.Empty;

    public ImmutableDictionary<Guid, Reveal> Reveals { get; private init; } = ImmutableDictionary<Guid, Reveal>.Empty;

    public Reveal? RevealOf(Guid categoryId) => Reveals.GetValueOrDefault(categoryId);

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// A viewer's message: refused while chat is off or paused, for banned or timed-out viewers and for zalgo text;
    /// held for review when the event says so, shown otherwise.
    /// </summary>
    public ILiveEventFact PostChat(Guid messageId, Guid viewerId, string? nickname, string? text, DateTimeOffset now)
    {
        EnsureExists();
        if (messageId == Guid.Empty || viewerId == Guid.Empty || Chat.Exists(m => m.Id == messageId))
        {
            throw new DomainException("id.invalid");
        }

        EnsureMayChat(viewerId, now);
        var checkedText = Guard.Text(text, "chat.text", MaxChatLength);
        if (IsZalgo(checkedText))
        {
            throw new DomainException("chat.text.zalgo");
        }

        var checkedNickname = CheckNickname(nickname);
        return ChatSettings.HoldForReview
            ? new ChatHeld(messageId, viewerId, checkedNickname, checkedText)
            : new ChatPosted(messageId, viewerId, checkedNickname, checkedText);
    }

    /// <summary>Why this viewer may not chat now, as a domain error; nothing when they may.</summary>
    public void EnsureMayChat(Guid viewerId, DateTimeOffset now)
    {
        switch (ChatSettings.Mode)
        {
            case ChatMode.Off:
                throw new DomainException("chat.off");
            case ChatMode.Paused:
                throw new DomainException("chat.paused");
        }

        if (Banned.Contains(viewerId))
        {
            throw new DomainException("chat.banned");
        }

        if (TimeOuts.TryGetValue(viewerId, out var until) && until > now)
        {
            throw new DomainException("chat.timed-out", (int)Math.Ceiling((until - now).TotalSeconds));
        }
    }

    /// <summary>Stacked combining marks ("zalgo") make text unreadable and spill over other lines.</summary>
    public static bool IsZalgo(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark ? run + 1 : 0;
            if (run > 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nicknames: 2–24 letters, digits, spaces, dashes or underscores; nothing that could be a link or contact.</summary>
    public static string CheckNickname(string? nickname)
    {
        var checkedName = Guard.Text(nickname, "chat.nickname", MaxNicknameLength);
        if (checkedName.Length < 2 || !checkedName.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))
        {
            throw new DomainException("chat.nickname.invalid");
        }

        return checkedName;
    }

    /// <summary>Only https links to YouTube, Vimeo or an HLS playlist (.m3u8) may be embedded; empty means off-air.</summary>
    public StreamSet SetStream(string? url)
    {
        EnsureExists();
        var text = Guard.Text(url, "stream.url", 500, required: false);
        if (text.Length == 0)
        {
            return new StreamSet(string.Empty);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !(IsHost(uri, "youtube.com") || IsHost(uri, "youtu.be") || IsHost(uri, "vimeo.com") || uri.AbsolutePath.EndsWith(".m3u8", StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("stream.url.invalid");
        }

        return new StreamSet(uri.ToString());
    }

    public ReactionsSwitched SwitchReactions(bool enabled)
    {
        EnsureExists();
        return new ReactionsSwitched(enabled);
    }

    public CountdownSet SetCountdown(DateTimeOffset now, int? seconds, string? label)
    {
        EnsureExists();
        if (seconds is < 1 or > 24 * 3600)
        {
            throw new DomainException("countdown.out-of-range", 1, 24 * 3600);
        }

        return new CountdownSet(seconds is { } s ? now.AddSeconds(s) : null, Guard.Text(label, "countdown.label", 80, required: false));
    }

    /// <summary>
    /// Freezes a category's results for the reveal, last place first (teams without scores are not shown). A real
    /// reveal needs the round locked, so what is revealed is final; a rehearsal can run any time, again and again.
    /// </summary>
    public RevealPrepared PrepareReveal(Guid categoryId, bool rehearsal)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (RevealOf(categoryId) is { Rehearsal: false })
        {
            throw new DomainException("reveal.already");
        }

        if (!rehearsal && !IsCurrentRoundLocked)
        {
            throw new DomainException("reveal.round-not-locked");
        }

        var entries = this.Results(categoryId)
            .Where(r => r.Rank is not null && r.Score is not null)
            .OrderByDescending(r => r.Rank)
            .ThenByDescending(r => FindTeam(r.TeamId)?.Name, StringComparer.Ordinal)
            .Select(r => new RevealEntry(r.TeamId, r.Rank!.Value, Math.Round(r.Score!.Value, 2), r.SharedRank))
            .ToList();
        return entries.Count == 0 ? throw new DomainException("reveal.nothing") : new RevealPrepared(categoryId, rehearsal, entries);
    }

    public RevealStepped StepReveal(Guid categoryId)
    {
        var reveal = RevealOf(categoryId) ?? throw new DomainException("reveal.not-prepared");
        return reveal.IsComplete ? throw new DomainException("reveal.done") : new RevealStepped(categoryId, reveal.Revealed + 1);
    }

    public RevealCleared ClearReveal(Guid categoryId)
    {
        var reveal = RevealOf(categoryId) ?? throw new DomainException("reveal.not-prepared");
        return reveal.Rehearsal ? new RevealCleared(categoryId) : throw new DomainException("reveal.not-rehearsal");
    }

    /// <summary>Keeps the newest messages; a message still waiting for review is never the one dropped.</summary>
    private ImmutableList<ChatMessage> AddChat(ChatMessage message)
    {
        if (Chat.Count < ChatHistorySize)
        {
            return Chat.Add(message);
        }

        var oldest = Chat.FindIndex(m => m.Status != ChatStatus.Held);
        return (oldest >= 0 ? Chat.RemoveAt(oldest) : Chat.RemoveAt(0)).Add(message);
    }

    private static bool IsHost(Uri uri, string host) =>
        uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);

    // ---- folding ---------------------------------------------------------------------------------------------

    private LiveEvent ApplyAudience(ILiveEventFact fact, long position) => fact switch
    {
        ChatPosted e => this with { Chat = AddChat(new ChatMessage(e.MessageId, e.ViewerId, e.Nickname, e.Text, position, ChatStatus.Shown)) },
        StreamSet e => this with { StreamUrl = e.Url },
        ReactionsSwitched e => this with { ReactionsEnabled = e.Enabled },
        CountdownSet e => this with { CountdownEndsAt = e.EndsAt, CountdownLabel = e.Label },
        RevealPrepared e => this with { Reveals = Reveals.SetItem(e.CategoryId, new Reveal(e.CategoryId, e.Rehearsal, e.Entries, 0)) },
        RevealStepped e => this with { Reveals = Reveals.SetItem(e.CategoryId, Reveals[e.CategoryId] with { Revealed = e.Revealed }) },
        RevealCleared e => this with { Reveals = Reveals.Remove(e.CategoryId) },
        _ => ApplyModeration(fact, position),
    };
}
