using Microsoft.Extensions.Localization;
using VakkanjersLive.Domain.Events;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>How a segment's plan reads on the staff pages: what it switches on, and its guests.</summary>
public static class SegmentText
{
    public static string Switches(LiveEvent e, Segment s, IStringLocalizer l)
    {
        var parts = new List<string>();
        if (s.QuestionsOn)
        {
            parts.Add(l["Segments.QuestionsOn"]);
        }

        if (s.PollId is { } pollId)
        {
            parts.Add(l["Segments.PollOpens", e.FindPoll(pollId)?.Question ?? "?"]);
        }

        if (s.SlowModeSeconds > 0)
        {
            parts.Add(l["Segments.SlowMode", s.SlowModeSeconds]);
        }

        return parts.Count == 0 ? "–" : string.Join(" · ", parts);
    }

    public static string Guests(LiveEvent e, Segment s) =>
        string.Join(", ", s.GuestIds.Select(id => e.Broadcast.Guests.Find(g => g.Id == id)?.Name).OfType<string>());
}
