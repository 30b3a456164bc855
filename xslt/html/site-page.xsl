<?xml version="1.0" encoding="UTF-8"?>
<!--
  teikit build: a document's page in the project's site. teikit's HTML page (tei-to-html.xsl)
  with the site's navigation at the top; `teikit build` runs it with css=link, all pages
  sharing the site's one tei.css.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    exclude-result-prefixes="#all">

  <xsl:import href="tei-to-html.xsl"/>
  <xsl:include href="site_nav.xsl"/>

  <xsl:template name="tk:hook-page-header">
    <xsl:call-template name="tk:site-nav"/>
  </xsl:template>

</xsl:stylesheet>
