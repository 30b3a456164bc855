<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters every target shares. Each xsl:param is typed (@as) and documented by the
  tkd:doc element just before it: @values lists the allowed values of an enumerated string
  parameter. teikit's command line reads these declarations to check the values it is given.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xmlns:tkd="https://teikit.invalid/ns/doc"
    exclude-result-prefixes="#all">

  <tkd:doc param="reading" values="corr sic">Which reading of the text to give. corr: the edited
    reading (corr over sic, reg over orig, supplied text shown, quotation marks supplied where the
    text carries none). sic: the source as transcribed (sic over corr, orig over reg, nothing the
    edition supplied). The HTML page shows the other reading of a choice on hover and in print.</tkd:doc>
  <xsl:param name="reading" as="xs:string" select="'corr'"/>

  <tkd:doc param="lang">The language of the words the stylesheet prints itself (labels such as
    Contents, Notes, Author): en, fr, de, es, it or ru. Empty: the document's language (its
    xml:lang, else the header's first language), English when there are no labels in it.</tkd:doc>
  <xsl:param name="lang" as="xs:string" select="''"/>

</xsl:stylesheet>
