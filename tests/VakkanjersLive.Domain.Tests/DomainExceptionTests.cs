namespace VakkanjersLive.Domain.Tests;

public sealed class DomainExceptionTests
{
    [Fact]
    public void Constructor_WithoutArguments_UsesTheCodeAsMessage()
    {
        var exception = new DomainException("team.name.required");

        Assert.Equal("team.name.required", exception.Code);
        Assert.Equal("team.name.required", exception.Message);
        Assert.Empty(exception.Arguments);
    }

    [Fact]
    public void Constructor_WithArguments_KeepsThemAndListsThemInTheMessage()
    {
        var exception = new DomainException("criterion.weight.out-of-range", 0, 100);

        Assert.Equal("criterion.weight.out-of-range", exception.Code);
        Assert.Equal([0, 100], exception.Arguments);
        Assert.Equal("criterion.weight.out-of-range (0, 100)", exception.Message);
    }
}
