using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Realtime;

namespace VakkanjersLive.Web.Features.Judging;

/// <summary>
/// Scores stay secret until the reveal: nothing the jury does is ever a feed item. What the audience learns of the
/// results comes only from the reveal's steps (see <see cref="Live.ShowFeed"/>).
/// </summary>
public static class JudgingFeed
{
    public static void Register(FeedRegistration feed) => feed
        .Never<JudgingOpened>()
        .Never<JudgingClosed>()
        .Never<ScoreSubmitted>()
        .Never<RankingSubmitted>()
        .Never<ConflictDeclared>()
        .Never<RoundLocked>()
        .Never<CategoryLocked>()
        .Never<CategoryUnlocked>()
        .Never<OutlierAcknowledged>()
        .Never<MinimumScorecardsSet>()
        .Never<MethodChosen>()
        .Never<ScoringRulesSet>()
        .Never<CategoryRulesDeclared>()
        .Never<CategoryRoundsDeclared>()
        .Never<CategoryRoundStarted>()
        .Never<RoundPanelSet>()
        .Never<PerformanceFactorSet>()
        .Never<JudgePanelSet>()
        .Never<PanelPollLinked>()
        .Never<AwardGranted>()
        .Never<AwardWithdrawn>();
}
