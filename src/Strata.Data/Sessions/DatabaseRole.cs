namespace Strata.Data.Sessions;

/// <summary>Which database role a session connects as.</summary>
public enum DatabaseRole
{
    /// <summary>The application role (<c>ConnectionStrings:Strata</c>): DML only, owns nothing.</summary>
    Application,

    /// <summary>The owner role (<c>ConnectionStrings:StrataMigrations</c>): migrations and seeding.</summary>
    Owner,
}
