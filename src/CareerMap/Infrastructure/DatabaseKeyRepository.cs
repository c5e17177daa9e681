using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using CareerMap.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CareerMap.Infrastructure;

/// <summary>Keeps data-protection keys in the database so every instance can read every other's cookies and tokens.</summary>
sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CareerMapDb>();
        return [.. db.DataProtectionKeys.Select(k => k.Xml).ToList().Where(x => x != null).Select(x => XElement.Parse(x!))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CareerMapDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    public static void Use(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CareerMap");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));
    }
}
