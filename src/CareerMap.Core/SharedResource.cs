// Resources are found under the code's namespace (CareerMap.Resources.SharedResource), not the assembly's name.
[assembly: Microsoft.Extensions.Localization.RootNamespace("CareerMap")]

namespace CareerMap;

/// <summary>
/// Every sentence a person reads, on a page, in an API answer or in an export, keyed by its English text; the Spanish is
/// in Resources/SharedResource.es.resx. One file for the web app and Core, so a translator sees every string once and a
/// test can check that none lacks its Spanish.
/// </summary>
public sealed class SharedResource;
