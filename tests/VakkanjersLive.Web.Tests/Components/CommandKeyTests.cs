using VakkanjersLive.Domain.Events;
using VakkanjersLive.Web.Components.Shared;

namespace VakkanjersLive.Web.Tests.Components;

/// <summary>A retry of the same command keeps its command id; another command (or other values) gets a new one.</summary>
public sealed class CommandKeyTests
{
    [Fact]
    public void SameLambda_SameCapturedValues_IsTheSameCommand()
    {
        var message = Guid.NewGuid();
        Assert.Equal(CommandKey.Of(Approve(message)), CommandKey.Of(Approve(message)));
    }

    [Fact]
    public void SameLambda_OtherCapturedValue_IsAnotherCommand()
    {
        Assert.NotEqual(CommandKey.Of(Approve(Guid.NewGuid())), CommandKey.Of(Approve(Guid.NewGuid())));
    }

    [Fact]
    public void OtherLambda_SameCapturedValue_IsAnotherCommand()
    {
        var message = Guid.NewGuid();
        Assert.NotEqual(CommandKey.Of(Approve(message)), CommandKey.Of(Reject(message)));
    }

    [Fact]
    public void CapturedLists_CompareByTheirItems()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal(CommandKey.Of(Poll([new PollOption(a, "Ja"), new PollOption(b, "Nee")])), CommandKey.Of(Poll([new PollOption(a, "Ja"), new PollOption(b, "Nee")])));
        Assert.NotEqual(CommandKey.Of(Poll([new PollOption(a, "Ja"), new PollOption(b, "Nee")])), CommandKey.Of(Poll([new PollOption(a, "Ja"), new PollOption(b, "Nee!")])));
    }

    [Fact]
    public void NestedClosures_AreLookedInto()
    {
        Func<LiveEvent, Guid, ILiveEventFact> approve = (s, id) => s.ApproveChat(id);
        var message = Guid.NewGuid();
        Assert.Equal(CommandKey.Of(ForOne(approve, message)), CommandKey.Of(ForOne(approve, message)));
        Assert.NotEqual(CommandKey.Of(ForOne(approve, message)), CommandKey.Of(ForOne(approve, Guid.NewGuid())));
    }

    private static Func<LiveEvent, ILiveEventFact> Approve(Guid id) => s => s.ApproveChat(id);

    private static Func<LiveEvent, ILiveEventFact> Reject(Guid id) => s => s.RejectChat(id);

    private static Func<LiveEvent, ILiveEventFact> Poll(List<PollOption> options) => s => s.CreatePoll(Guid.Empty, "Vraag?", options, resultsLive: true);

    private static Func<LiveEvent, ILiveEventFact> ForOne(Func<LiveEvent, Guid, ILiveEventFact> decide, Guid id) => s => decide(s, id);
}
