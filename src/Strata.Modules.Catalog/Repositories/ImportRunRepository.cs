using Strata.Data.Repositories;
using Strata.Modules.Catalog.Schema;

namespace Strata.Modules.Catalog.Repositories;

/// <summary>The record of part imports, newest first.</summary>
internal sealed class ImportRunRepository(CatalogDbContext context, PagingCursorCodec cursors, TimeProvider clock)
    : Repository<ImportRun>(context, cursors, clock);
