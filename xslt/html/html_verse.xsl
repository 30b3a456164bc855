<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse: line groups and lines (a line's @n in the margin when it has one). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="lg">
    <xsl:call-template name="tk:container"/>
  </xsl:template>

  <xsl:template match="l">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="inner-phrasing" select="true()"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:if test="normalize-space(@n)">
          <span class="tk-line-number" aria-hidden="true"><xsl:value-of select="@n"/></span>
        </xsl:if>
        <xsl:sequence select="node()"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
