"""auditor: consistency auditor for Colombian accountability reports (Informes de Rendición de Cuentas)."""

__version__ = "0.1.0"
