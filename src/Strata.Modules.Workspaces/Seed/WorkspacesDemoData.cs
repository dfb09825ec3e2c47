using Bogus;
using Strata.Modules.Auth.Seed;
using Strata.Modules.Workspaces.Services;

namespace Strata.Modules.Workspaces.Seed;

/// <summary>A demo workspace: its name, its slug and who belongs to it with which role.</summary>
internal sealed record DemoWorkspace(string Name, string Slug, IReadOnlyList<(string Email, WorkspaceRole Role)> Members);

/// <summary>
/// What the demo workspaces are for a seed (pure: the same seed and users give the same workspaces). Every workspace
/// has one owner, an admin and members; the administrator owns the first. Slugs start with <c>demo-</c>, out of the
/// way of real workspaces.
/// </summary>
internal static class WorkspacesDemoData
{
    public const int Count = 3;

    public static IReadOnlyList<DemoWorkspace> For(int seed, IReadOnlyList<DemoUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count < 3)
        {
            throw new ArgumentException("Demo workspaces need at least three users (an owner, an admin and a member).", nameof(users));
        }

        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var workspaces = new List<DemoWorkspace>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        while (workspaces.Count < Count)
        {
            var name = faker.Company.CompanyName();
            var slug = "demo-" + Slugs.FromName(name);
            if (!slugs.Add(slug))
            {
                continue;
            }

            // Rotate through the users so each workspace has a different owner and admin; the rest are members.
            var i = workspaces.Count;
            var members = users.Select((user, index) => (user.Email, Role: ((index - i + users.Count) % users.Count) switch
            {
                0 => WorkspaceRole.Owner,
                1 => WorkspaceRole.Admin,
                _ => WorkspaceRole.Member,
            })).ToList();
            workspaces.Add(new DemoWorkspace(name, slug, members));
        }

        return workspaces;
    }
}
