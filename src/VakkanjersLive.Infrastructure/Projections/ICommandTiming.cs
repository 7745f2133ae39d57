namespace VakkanjersLive.Infrastructure.Projections;

/// <summary>Told how long each stored command took (decide and durable append); the web app turns it into metrics.</summary>
public interface ICommandTiming
{
    void Appended(TimeSpan duration);
}
