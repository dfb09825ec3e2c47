using Strata.Data.Repositories;
using Strata.Modules.Auth.Schema;

namespace Strata.Modules.Auth.Repositories;

internal sealed class RoleRepository(AuthDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<Role>(context, cursors, clock)
{
    private static readonly SortMap<Role> SortFields = new SortMap<Role>("name").Add("name", r => r.NormalizedName);

    protected override SortMap<Role> Sorts => SortFields;

    protected override string ResourceName => "role";

    protected override string NotFoundCode => "auth.role_not_found";
}
