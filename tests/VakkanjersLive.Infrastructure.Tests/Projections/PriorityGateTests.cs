using VakkanjersLive.Infrastructure.Projections;

namespace VakkanjersLive.Infrastructure.Tests.Projections;

public sealed class PriorityGateTests
{
    [Fact]
    public async Task AStaffCommand_GoesBeforeEveryWaitingAudienceCommand()
    {
        var gate = new PriorityGate();
        await gate.WaitAsync(audience: true, CancellationToken.None); // a vote in progress
        var order = new List<string>();
        var waiting = Enumerable.Range(0, 100).Select(i => Next(gate, audience: true, $"vote {i}", order)).ToList();
        waiting.Add(Next(gate, audience: false, "judge", order));
        Assert.Equal((1, 100), gate.Waiting);

        gate.Release();
        await Task.WhenAll(waiting);

        Assert.Equal("judge", order[0]);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"vote {i}"), order.Skip(1));
    }

    [Fact]
    public async Task ACancelledWaiter_IsSkipped_AndTheGateOpensWhenNobodyWaits()
    {
        var gate = new PriorityGate();
        await gate.WaitAsync(audience: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.WaitAsync(audience: false, cancel.Token);
        var order = new List<string>();
        var vote = Next(gate, audience: true, "vote", order);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        gate.Release();
        await vote;

        Assert.Equal(["vote"], order);
        Assert.True(gate.WaitAsync(audience: true, CancellationToken.None).IsCompleted);
    }

    // Waits its turn, notes it, and lets the next one in.
    private static async Task Next(PriorityGate gate, bool audience, string name, List<string> order)
    {
        await gate.WaitAsync(audience, CancellationToken.None);
        lock (order)
        {
            order.Add(name);
        }

        gate.Release();
    }
}
