using Strata.Data.Events;

namespace Strata.TestModules.Widgets.Events;

/// <summary>A widget was retired (soft-deleted); other modules drop what refers to it.</summary>
public sealed record WidgetRetired(Guid WidgetId) : IDomainEvent;
