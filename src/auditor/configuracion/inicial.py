"""``auditor init``: a short, commented starting configuration (the README shows it verbatim).

The rule examples are commented out: uncommented, each one loads (a test does it), so a
user starts from lines that work.
"""

from __future__ import annotations

PLANTILLA_YAML = """\
# Configuración de auditor. Se busca desde el directorio actual hacia arriba;
# la línea de comandos manda sobre ella (--lang, --fail-on, --rules).

# Idioma de los mensajes: es o en.
idioma: es

# Severidad mínima que hace fallar 'auditor check' (estado 1): error, advertencia, info o nunca.
falla_en: error

# Ajustes por regla ('auditor rules' las lista; 'auditor rules explain ID' da sus parámetros).
reglas:
  # EST003: false                          # desactivar una regla
  # PCT004: {severidad: info}              # cambiar su severidad: error, warning o info
  # PCT002: {parametros: {tolerancia: 1}}  # cambiar un parámetro

# Directorios con reglas YAML y frases de plantilla propias, relativos a este archivo.
directorios_reglas:
  # - reglas_oficina
"""

PLANTILLA_TOML = """\
[tool.auditor]
# Configuración de auditor (las mismas claves que auditor.yaml). Se busca desde el directorio
# actual hacia arriba; la línea de comandos manda sobre ella (--lang, --fail-on, --rules).
idioma = "es"          # idioma de los mensajes: es o en
falla_en = "error"     # severidad mínima que hace fallar 'auditor check': error, advertencia, info o nunca
directorios_reglas = []  # reglas YAML y frases propias, p. ej. ["reglas_oficina"]

[tool.auditor.reglas]
# EST003 = false                           # desactivar una regla
# PCT004 = {severidad = "info"}            # cambiar su severidad: error, warning o info
# PCT002 = {parametros = {tolerancia = 1}} # cambiar un parámetro ('auditor rules explain PCT002')
"""
