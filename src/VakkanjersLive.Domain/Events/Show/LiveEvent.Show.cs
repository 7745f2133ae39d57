using System.Collections.Immutable;

namespace VakkanjersLive.Domain.Events;

/// <summary>The show: who is on stage, the stream, reactions, the countdown and the step-by-step reveal.</summary>
public sealed partial record LiveEvent
{
    public string StreamUrl => Show.StreamUrl;

    public bool ReactionsEnabled => Show.ReactionsEnabled;

    public DateTimeOffset? CountdownEndsAt => Show.CountdownEndsAt;

    public string CountdownLabel => Show.CountdownLabel;

    public ImmutableDictionary<Guid, Reveal> Reveals => Show.Reveals;

    public Reveal? RevealOf(Guid categoryId) => Reveals.GetValueOrDefault(categoryId);

    public Team? OnStage(Guid categoryId) => Show.Stage.TryGetValue(categoryId, out var teamId) ? FindTeam(teamId) : null;

    // ---- decisions -------------------------------------------------------------------------------------------

    public StageSet SetStage(Guid categoryId, Guid? teamId)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (teamId is { } id && FindTeam(id)?.CategoryId != categoryId)
        {
            throw new DomainException("stage.team-not-in-category");
        }

        return new StageSet(categoryId, teamId);
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
    /// reveal needs the category (or the round) locked, so what is revealed is final, and the category ready
    /// (<see cref="LiveEventReadiness.ReadinessOf"/>) unless a lead moderator overrides with a reason, which the fact
    /// keeps with the open points it overrode. A rehearsal can run any time, again and again.
    /// </summary>
    public RevealPrepared PrepareReveal(Guid categoryId, bool rehearsal, string? overrideReason = null)
    {
        _ = FindCategory(categoryId) ?? throw new DomainException("category.unknown");
        if (RevealOf(categoryId) is { Rehearsal: false })
        {
            throw new DomainException("reveal.already");
        }

        var reason = string.Empty;
        IReadOnlyList<string>? overridden = null;
        if (!rehearsal)
        {
            if (!IsCategoryLocked(categoryId))
            {
                throw new DomainException("reveal.round-not-locked");
            }

            var readiness = this.ReadinessOf(categoryId);
            if (!readiness.IsReady)
            {
                reason = Guard.Text(overrideReason, "reveal.override-reason", 300, required: false);
                if (reason.Length == 0)
                {
                    throw new DomainException("reveal.not-ready", readiness.Issues.Count);
                }

                overridden = this.Describe(readiness);
            }
        }

        // The category's declared rules (or the event's method) through the rules engine, as the results page ranks.
        var panels = this.RulesOf(categoryId).Panels?.List.Select(p => p.Id).ToList();
        var entries = this.Standings(categoryId).Standings
            .Where(r => r.Rank is not null && r.Total is not null)
            .Select(r => (Team: FindTeam(Guid.Parse(r.Team))!, Standing: r))
            .OrderByDescending(r => r.Standing.Rank)
            .ThenByDescending(r => r.Team.Name, StringComparer.Ordinal)
            .Select(r => new RevealEntry(r.Team.Id, r.Standing.Rank!.Value, (double)Math.Round(r.Standing.Total!.Value, 2, MidpointRounding.AwayFromZero), r.Standing.SharedRank)
            {
                Parts = panels?.Select(p => new RevealPart(p, (double)Math.Round(r.Standing.Panels.GetValueOrDefault(p), 2, MidpointRounding.AwayFromZero))).ToList(),
            })
            .ToList();
        var plan = RevealPlanOf(categoryId);
        entries = Planned(entries, plan);
        return entries.Count == 0 ? throw new DomainException("reveal.nothing") : new RevealPrepared(categoryId, rehearsal, entries, reason, overridden, plan.PauseBeforeWinner);
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

    private static bool IsHost(Uri uri, string host) =>
        uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);
}
