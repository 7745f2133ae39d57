using VakkanjersLive.Domain.Events;
using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Web.Features.Events;

/// <summary>
/// Makes sign-in codes that are unique across every event (a judge signs in with the code alone). The codes exist in
/// clear only in the answer: the journal keeps their hashes, so they are shown and printed once.
/// </summary>
public sealed class JudgeCodeIssuer(ProjectionStore store)
{
    public IReadOnlyList<JudgeCode> For(IEnumerable<Judge> judges)
    {
        var taken = store.Events.SelectMany(e => e.Judges).Select(j => j.CodeHash).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var codes = new List<JudgeCode>();
        foreach (var judge in judges)
        {
            string code;
            do
            {
                code = SignInCodes.Generate();
            }
            while (!taken.Add(SignInCodes.Hash(code)));
            codes.Add(new JudgeCode(judge.Id, code));
        }

        return codes;
    }
}
