using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strata.Data.Conventions;

namespace Strata.Data.Diagnostics;

/// <summary>
/// Counts the commands EF sends in each scope (<see cref="Sessions.DatabaseSession.CommandsExecuted"/>), so tests can
/// state "one command for any number of ids" as a fact about the database conversation, not the code.
/// </summary>
internal sealed class CommandCountingInterceptor : DbCommandInterceptor
{
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is StrataDbContext { Session: { } session })
        {
            session.CountCommand();
        }

        return result;
    }
}
