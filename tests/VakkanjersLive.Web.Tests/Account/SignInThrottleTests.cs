using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VakkanjersLive.Web.Features.Account;
using VakkanjersLive.Web.Tests.Realtime;

namespace VakkanjersLive.Web.Tests.Account;

/// <summary>The sign-in throttle on a fake clock: failures per address in a sliding window, and forgetting.</summary>
public sealed class SignInThrottleTests : IDisposable
{
    private static readonly IPAddress Hall = IPAddress.Parse("192.0.2.10");
    private readonly FakeTimeProvider _clock = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(Options.Create(new SignInOptions { MaxFailures = 3, Window = TimeSpan.FromMinutes(10) }), _clock);

    [Fact]
    public void Asking_IsNotAFailure_OnlyFailuresCount()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(_throttle.RetryAfter(Hall));
        }

        _throttle.RecordFailure(Hall);
        _throttle.RecordFailure(Hall);
        Assert.Null(_throttle.RetryAfter(Hall));
    }

    [Fact]
    public void PastTheLimit_TheAddressWaits_UntilTheOldestFailureLeavesTheWindow()
    {
        _throttle.RecordFailure(Hall);
        _clock.Advance(TimeSpan.FromMinutes(4));
        _throttle.RecordFailure(Hall);
        _throttle.RecordFailure(Hall);

        Assert.Equal(TimeSpan.FromMinutes(6), _throttle.RetryAfter(Hall));
        Assert.Null(_throttle.RetryAfter(IPAddress.Parse("192.0.2.11")));

        // A failure while throttled counts too: the window slides, it does not reset.
        _throttle.RecordFailure(Hall);
        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(TimeSpan.FromMinutes(4), _throttle.RetryAfter(Hall));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Null(_throttle.RetryAfter(Hall));
    }

    [Fact]
    public void ASuccess_ForgetsOnlyItsOwnAccountsFailures_NeverTheAddresses()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.RecordFailure(null, "chef");
        }

        Assert.NotNull(_throttle.RetryAfter(null));
        _throttle.Succeeded("someone-else");
        Assert.NotNull(_throttle.RetryAfter(null));
        _throttle.Succeeded("chef");
        Assert.NotNull(_throttle.RetryAfter(null));
    }

    [Fact]
    public void WrongPasswords_ForOneAccount_BackOff_Growing_UpToTheCap_FromAnyAddress()
    {
        using var throttle = new SignInThrottle(Options.Create(new SignInOptions
        {
            AccountFreeFailures = 2,
            AccountFirstWait = TimeSpan.FromSeconds(30),
            AccountMaxWait = TimeSpan.FromMinutes(2),
        }), _clock);
        var elsewhere = IPAddress.Parse("203.0.113.9");

        throttle.RecordFailure(Hall, "Chef");
        Assert.Null(throttle.RetryAfter(Hall, "chef"));
        throttle.RecordFailure(elsewhere, " chef ");

        // The user name is normalized as at sign-in, and the wait holds from every address; other accounts are free.
        Assert.Equal(TimeSpan.FromSeconds(30), throttle.RetryAfter(IPAddress.Parse("198.51.100.1"), "CHEF"));
        Assert.Null(throttle.RetryAfter(Hall, "tweede"));
        Assert.Null(throttle.RetryAfter(Hall));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(throttle.RetryAfter(Hall, "chef"));
        throttle.RecordFailure(Hall, "chef");
        Assert.Equal(TimeSpan.FromMinutes(1), throttle.RetryAfter(Hall, "chef"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        throttle.RecordFailure(Hall, "chef");
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.RetryAfter(Hall, "chef"));
        _clock.Advance(TimeSpan.FromMinutes(2));
        throttle.RecordFailure(Hall, "chef");
        Assert.Equal(TimeSpan.FromMinutes(2), throttle.RetryAfter(Hall, "chef"));

        // The right password ends the back-off for that account.
        throttle.Succeeded("chef");
        Assert.Null(throttle.RetryAfter(Hall, "chef"));
    }

    [Fact]
    public void ManyFailures_StayAtTheCap_WithoutOverflowing()
    {
        using var throttle = new SignInThrottle(Options.Create(new SignInOptions
        {
            AccountFreeFailures = 1,
            AccountFirstWait = TimeSpan.FromHours(1),
            AccountMaxWait = TimeSpan.FromDays(1),
            AccountWindow = TimeSpan.FromDays(7),
        }), _clock);
        for (var i = 0; i < 60; i++)
        {
            throttle.RecordFailure(Hall, "chef");
        }

        Assert.Equal(TimeSpan.FromDays(1), throttle.RetryAfter(Hall, "chef"));
    }

    [Fact]
    public void AccountFailures_LeaveTheirWindow()
    {
        using var throttle = new SignInThrottle(Options.Create(new SignInOptions { AccountFreeFailures = 2, AccountWindow = TimeSpan.FromMinutes(30) }), _clock);
        throttle.RecordFailure(Hall, "chef");
        _clock.Advance(TimeSpan.FromMinutes(31));
        throttle.RecordFailure(Hall, "chef");

        Assert.Null(throttle.RetryAfter(Hall, "chef"));
    }

    [Fact]
    public async Task Addresses_AreForgotten_OnceTheirFailuresHaveLeftTheWindow()
    {
        for (var i = 0; i < 200; i++)
        {
            _throttle.RecordFailure(IPAddress.Parse("198.51.100." + (i % 250)).MapToIPv6());
        }

        Assert.Equal(200, _throttle.Remembered);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await LimitsClock.AfterASweepAsync(() => _throttle.Checks, _throttle.Remembered);
        Assert.Equal(200, _throttle.Remembered);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(11));
        await LimitsClock.UntilAsync(() => _throttle.Remembered == 0);
    }

    public void Dispose() => _throttle.Dispose();
}
