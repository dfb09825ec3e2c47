namespace Strata.Data.Conventions;

/// <summary>
/// A row known by a name that is unique without regard to case or Unicode form: setting <see cref="Name"/> trims it
/// and keeps <see cref="NormalizedName"/> (<see cref="TextNormalization"/>) in step, for the unique index to hold.
/// </summary>
public abstract class NamedEntity : StrataEntity
{
    private string _name = string.Empty;

    /// <summary>The name as entered, trimmed.</summary>
    public string Name
    {
        get => _name;
        set
        {
            _name = value.Trim();
            NormalizedName = TextNormalization.Normalize(value);
        }
    }

    /// <summary>What uniqueness and look-ups compare.</summary>
    public string NormalizedName { get; private set; } = string.Empty;
}
