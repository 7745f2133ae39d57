namespace VakkanjersLive.Domain.Tests;

/// <summary>Asserts that a decision was refused with a specific <see cref="DomainException.Code"/>.</summary>
internal static class Rejected
{
    public static DomainException With(string expectedCode, Func<object?> decision)
    {
        var exception = Assert.Throws<DomainException>(decision);
        Assert.Equal(expectedCode, exception.Code);
        return exception;
    }

    public static DomainException With(string expectedCode, Action decision)
    {
        var exception = Assert.Throws<DomainException>(decision);
        Assert.Equal(expectedCode, exception.Code);
        return exception;
    }
}
