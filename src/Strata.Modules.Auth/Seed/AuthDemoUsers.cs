using Bogus;

namespace Strata.Modules.Auth.Seed;

/// <summary>A user of the demo data set.</summary>
/// <param name="Email">The address they sign in with.</param>
/// <param name="Name">Display name.</param>
/// <param name="Administrator">Whether they hold the <c>admin</c> role.</param>
public sealed record DemoUser(string Email, string Name, bool Administrator);

/// <summary>
/// Who the demo users are for a seed: one administrator and a few members, with the same addresses and names for the
/// same seed. Public so that other modules' demo seeders can build on them (workspaces makes them members), reaching
/// the users themselves through <see cref="Services.IUserDirectory"/>.
/// </summary>
public static class AuthDemoUsers
{
    /// <summary>The domain of every demo address (<c>.example</c> is reserved, so no mail reaches anyone, RFC 2606).</summary>
    public const string Domain = "demo.example";

    /// <summary>The administrator's address, the same for every seed.</summary>
    public const string AdministratorEmail = "admin@" + Domain;

    /// <summary>Members beside the administrator.</summary>
    public const int MemberCount = 5;

    /// <summary>The administrator first, then the members, in a fixed order for the seed.</summary>
    public static IReadOnlyList<DemoUser> For(int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var users = new List<DemoUser> { new(AdministratorEmail, "Demo Administrator", Administrator: true) };
        var taken = new HashSet<string>(StringComparer.Ordinal) { AdministratorEmail };
        while (users.Count < MemberCount + 1)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{Local(first)}.{Local(last)}@{Domain}";
            if (taken.Add(email))
            {
                users.Add(new DemoUser(email, $"{first} {last}", Administrator: false));
            }
        }

        return users;
    }

    private static string Local(string name) => new([.. name.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
}
