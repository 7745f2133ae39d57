namespace VakkanjersLive.Domain.Events;

/// <summary>The producer's scene per screen kind: automatic, or one fixed scene (issue 13, item 8).</summary>
public sealed partial record LiveEvent
{
    /// <summary>The scene chosen for <paramref name="display"/> (automatic when none was chosen).</summary>
    public SceneChoice SceneOf(string display) => Show.Scenes.GetValueOrDefault(display) ?? SceneChoice.Automatic;

    /// <summary>
    /// Chooses a display's scene. A fixed scene must have something to show now: a poll open or with its results
    /// shown, a question "nu aan de beurt", a running countdown (at <paramref name="now"/>), a team on stage (in the
    /// category, when one is named), a reveal of the named category under way. Later, when a fixed scene has nothing
    /// left to show (the poll closes, the countdown ends), the screen shows the state's choice until the producer
    /// chooses again (docs/hub.md, "Scenes").
    /// </summary>
    public SceneChosen ChooseScene(string? display, string? scene, Guid? categoryId, DateTimeOffset now)
    {
        EnsureExists();
        if (display is null || !SceneNames.Displays.Contains(display))
        {
            throw new DomainException("scene.display.unknown");
        }

        if (scene is null || !SceneNames.All.Contains(scene))
        {
            throw new DomainException("scene.unknown");
        }

        if (categoryId is { } id)
        {
            if (scene is not (SceneNames.Stage or SceneNames.Reveal))
            {
                categoryId = null;
            }
            else
            {
                _ = FindCategory(id) ?? throw new DomainException("category.unknown");
            }
        }

        switch (scene)
        {
            case SceneNames.Poll when CurrentPoll is not { State: PollState.Open } and not { ResultsVisible: true, State: not PollState.Draft }:
                throw new DomainException("scene.poll.none");
            case SceneNames.Question when HighlightedQuestionId is null:
                throw new DomainException("scene.question.none");
            case SceneNames.Countdown when CountdownEndsAt is not { } ends || ends <= now:
                throw new DomainException("scene.countdown.none");
            case SceneNames.Stage when categoryId is { } c ? OnStage(c) is null : Show.Stage.IsEmpty:
                throw new DomainException("scene.stage.none");
            case SceneNames.Reveal when categoryId is null:
                throw new DomainException("scene.reveal.category-required");
            case SceneNames.Reveal when RevealOf(categoryId.Value) is not { Rehearsal: false }:
                throw new DomainException("scene.reveal.none");
        }

        return new SceneChosen(display, scene, categoryId);
    }
}
