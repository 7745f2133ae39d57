using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VakkanjersLive.Domain.Staff;
using VakkanjersLive.Tests.Shared;

namespace VakkanjersLive.Web.Tests.Account;

/// <summary>
/// Sign-in limits end to end (issue 12): failures count per address and per account, a success clears only its own
/// account, a hall behind one address is not locked out by a few wrong codes, and unknown user names cost a hash too.
/// </summary>
public sealed class SignInLimitsTests
{
    private const string WrongCode = "AAAAA-BBBBB";

    [Fact]
    public async Task ASuccessForAnotherAccount_DoesNotClearTheAddressFailures()
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["SignIn:MaxFailures"] = "3" });
        var finale = await TestData.SmallFinaleAsync(app);
        var client = app.CreateBrowserlikeClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "guess-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "guess-2")).StatusCode);
        // A judge's valid code from the same address must not wipe the moderator guesses.
        Assert.True((await Judge(app.CreateBrowserlikeClient(), TestData.CodeOf(finale.Judges[0]))).IsRedirectTo("/jury"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "guess-3")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Moderator(client, TestApp.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordsForOneAccount_MakeThatAccountWait_NotTheAddress()
    {
        using var app = new TestApp();
        var finale = await TestData.SmallFinaleAsync(app);
        var client = app.CreateBrowserlikeClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "guess-" + i)).StatusCode);
        }

        var throttled = await Moderator(client, TestApp.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Te veel mislukte pogingen", await throttled.Content.ReadAsStringAsync());
        // The address itself is far from its ceiling: a judge behind it still gets in.
        Assert.True((await Judge(app.CreateBrowserlikeClient(), TestData.CodeOf(finale.Judges[0]))).IsRedirectTo("/jury"));
    }

    [Fact]
    public async Task AStrangersWrongCodes_DoNotLockOutTheHallBehindTheSameAddress()
    {
        using var app = new TestApp();
        var finale = await TestData.SmallFinaleAsync(app);
        var stranger = app.CreateBrowserlikeClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Judge(stranger, WrongCode)).StatusCode);
        }

        Assert.True((await Judge(app.CreateBrowserlikeClient(), TestData.CodeOf(finale.Judges[0]))).IsRedirectTo("/jury"));
        Assert.True((await Moderator(app.CreateBrowserlikeClient(), TestApp.AdminPassword)).IsRedirectTo("/events"));
    }

    [Fact]
    public async Task AnUnknownUserName_CostsTheSameHashAsAWrongPassword()
    {
        var hasher = new CountingHasher();
        using var app = new TestApp(services: s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Moderator>>(hasher)));
        var client = app.CreateBrowserlikeClient();
        // The admin exists (from configuration) before anything is counted.
        Assert.True((await Moderator(app.CreateBrowserlikeClient(), TestApp.AdminPassword)).IsRedirectTo("/events"));

        var before = hasher.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "not the password")).StatusCode);
        var known = hasher.Verifications - before;

        before = hasher.Verifications;
        Assert.Equal(HttpStatusCode.Unauthorized, (await Moderator(client, "not the password", "nobody-here")).StatusCode);
        var unknown = hasher.Verifications - before;

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    internal static Task<HttpResponseMessage> Moderator(HttpClient client, string password, string userName = TestApp.AdminUser) =>
        FormPost.SubmitAsync(client, "/account/signin", "moderator", new Dictionary<string, string> { ["user-name"] = userName, ["password"] = password });

    internal static Task<HttpResponseMessage> Judge(HttpClient client, string code) =>
        FormPost.SubmitAsync(client, "/account/signin", "judge", new Dictionary<string, string> { ["judge-code"] = code });

    /// <summary>The real hasher, counting how often a password is checked: the work an answer costs, not its wall-clock time.</summary>
    private sealed class CountingHasher : IPasswordHasher<Moderator>
    {
        private readonly PasswordHasher<Moderator> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(Moderator user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Moderator user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
