namespace VakkanjersLive.Domain.Events;

/// <summary>The event as an episode of a broadcast series: planning, moving, guests, going live, ending, the replay.</summary>
public sealed partial record LiveEvent
{
    public const int MaxEpisodeNumber = 999;
    public const int MaxGuests = 12;
    public static readonly TimeSpan MaxEpisodeLength = TimeSpan.FromHours(12);

    public bool IsEpisode => Broadcast.IsEpisode;

    // ---- decisions -------------------------------------------------------------------------------------------

    /// <summary>
    /// Makes this Sterk Techniekonderwijs LIVE event an episode of <paramref name="seriesId"/>, planned from
    /// <paramref name="startsLocal"/> to <paramref name="endsLocal"/> on the clock in Amsterdam.
    /// </summary>
    public EpisodePlanned PlanEpisode(Guid seriesId, int number, string? theme, string? description, DateTime startsLocal, DateTime endsLocal)
    {
        EnsureExists();
        if (Kind != EventKind.TechniekLive)
        {
            throw new DomainException("episode.kind.invalid");
        }

        if (IsEpisode)
        {
            throw new DomainException("episode.exists");
        }

        if (seriesId == Guid.Empty)
        {
            throw new DomainException("episode.series.required");
        }

        var (startsAt, endsAt) = CheckEpisodeTime(startsLocal, endsLocal);
        return new EpisodePlanned(seriesId, CheckEpisodeNumber(number), Guard.Text(theme, "episode.theme", 120), Guard.Text(description, "episode.description", 1000, required: false), startsAt, endsAt);
    }

    public EpisodeChanged ChangeEpisode(int number, string? theme, string? description)
    {
        EnsureEpisode();
        return new EpisodeChanged(CheckEpisodeNumber(number), Guard.Text(theme, "episode.theme", 120), Guard.Text(description, "episode.description", 1000, required: false));
    }

    /// <summary>A new time while the episode is still planned; once it is live or over, its time is history.</summary>
    public EpisodeMoved MoveEpisode(DateTime startsLocal, DateTime endsLocal)
    {
        EnsureEpisode();
        if (Broadcast.State != EpisodeState.Planned)
        {
            throw new DomainException("episode.move.not-planned");
        }

        var (startsAt, endsAt) = CheckEpisodeTime(startsLocal, endsLocal);
        return new EpisodeMoved(startsAt, endsAt);
    }

    /// <summary>Guests are adults who agreed to be named on the public pages; without both noted they are refused.</summary>
    public GuestAdded AddGuest(Guid guestId, string? name, string? role, string? organisation, bool adult, bool consentNoted)
    {
        EnsureEpisode();
        EnsureNewId(guestId, Broadcast.Guests.Exists(g => g.Id == guestId));
        if (!adult)
        {
            throw new DomainException("episode.guest.adult-required");
        }

        if (!consentNoted)
        {
            throw new DomainException("episode.guest.consent-required");
        }

        if (Broadcast.Guests.Count >= MaxGuests)
        {
            throw new DomainException("episode.guest.too-many", MaxGuests);
        }

        var checkedName = Guard.Text(name, "episode.guest.name", 80);
        EnsureUnique(Broadcast.Guests.Exists(g => SameName(g.Name, checkedName)), "episode.guest.duplicate", checkedName);
        return new GuestAdded(guestId, checkedName, Guard.Text(role, "episode.guest.role", 80, required: false), Guard.Text(organisation, "episode.guest.organisation", 80, required: false), adult, consentNoted);
    }

    public GuestRemoved RemoveGuest(Guid guestId)
    {
        EnsureEpisode();
        return Broadcast.Guests.Exists(g => g.Id == guestId) ? new GuestRemoved(guestId) : throw new DomainException("episode.guest.unknown");
    }

    public EpisodeWentLive GoLive()
    {
        EnsureEpisodeIn(EpisodeState.Planned, "episode.state.not-planned");
        return new EpisodeWentLive();
    }

    public EpisodeEnded EndEpisode()
    {
        EnsureEpisodeIn(EpisodeState.Live, "episode.state.not-live");
        return new EpisodeEnded();
    }

    /// <summary>The replay's link (http or https only); it can be corrected once published.</summary>
    public ReplayPublished PublishReplay(string? url)
    {
        EnsureEpisode();
        if (Broadcast.State is not (EpisodeState.Ended or EpisodeState.ReplayAvailable))
        {
            throw new DomainException("episode.state.not-ended");
        }

        var text = Guard.Text(url, "episode.replay-url", 500);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new DomainException("episode.replay-url.invalid");
        }

        return new ReplayPublished(uri.AbsoluteUri);
    }

    // ---- rules -----------------------------------------------------------------------------------------------

    private static int CheckEpisodeNumber(int number) =>
        number is < 1 or > MaxEpisodeNumber ? throw new DomainException("episode.number.out-of-range", 1, MaxEpisodeNumber) : number;

    private static (DateTimeOffset StartsAt, DateTimeOffset EndsAt) CheckEpisodeTime(DateTime startsLocal, DateTime endsLocal)
    {
        var startsAt = AmsterdamTime.ToInstant(startsLocal);
        var endsAt = AmsterdamTime.ToInstant(endsLocal);
        _ = CheckDate(DateOnly.FromDateTime(startsLocal));
        if (endsAt <= startsAt)
        {
            throw new DomainException("episode.end.before-start");
        }

        if (endsAt - startsAt > MaxEpisodeLength)
        {
            throw new DomainException("episode.too-long", (int)MaxEpisodeLength.TotalHours);
        }

        return (startsAt, endsAt);
    }

    private void EnsureEpisode()
    {
        EnsureExists();
        if (!IsEpisode)
        {
            throw new DomainException("episode.unknown");
        }
    }

    private void EnsureEpisodeIn(EpisodeState state, string code)
    {
        EnsureEpisode();
        if (Broadcast.State != state)
        {
            throw new DomainException(code);
        }
    }
}
