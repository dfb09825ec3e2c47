using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strata.Data.Conventions;

namespace Strata.Data.Sessions;

/// <summary>
/// Puts the session's pending <see cref="TransactionPrelude"/> in front of the first command EF sends in the
/// transaction. The prelude's statements return no rows, so readers, row counts and <c>RETURNING</c> results of the
/// command itself are unchanged.
/// </summary>
internal sealed class TransactionPreludeInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is StrataDbContext { Session: { } session })
        {
            session.Prelude.ApplyTo(result);
        }

        return result;
    }
}
