<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse: line groups and lines. A line's @n goes to the margin (every line-numbers-th line,
     drawn by the style sheet from data-n): never into the text, where it would run into the
     line's first word when the text is copied. -->
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
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:if test="tk:shows-line-number(.)">
          <xsl:attribute name="data-n" select="normalize-space(@n)"/>
          <xsl:attribute name="data-n-short" select="replace(normalize-space(@n), '^.*\D(\d+)$', '$1')"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Whether a line's number is shown: one ending in a number when that number is a multiple
       of line-numbers (1.2.10 with the default 5), any other. -->
  <xsl:function name="tk:shows-line-number" as="xs:boolean">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="n" select="normalize-space($l/@n)"/>
    <xsl:sequence select="$n ne '' and $line-numbers gt 0
        and (not(matches($n, '\d$')) or xs:integer(replace($n, '^(.*\D)?0*(\d+)$', '0$2')) mod $line-numbers = 0)"/>
  </xsl:function>

</xsl:stylesheet>
