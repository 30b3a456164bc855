<?xml version="1.0" encoding="UTF-8"?>
<!--
  The title block of the plain text (header=block): the title and subtitles, then one line per
  field of common_header.xsl ("Author: ..."), as blocks of the layout.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Context: a TEI or teiCorpus element. -->
  <xsl:template name="tk:title-block">
    <xsl:variable name="fields" select="tk:title-block(.)"/>
    <tk:b kind="para" indent="0">
      <tk:b kind="line" indent="0">
        <xsl:value-of select="tk:main-title(.)"/>
      </tk:b>
      <xsl:for-each select="$fields[?key = 'subtitle']?nodes">
        <tk:b kind="line" indent="0">
          <xsl:value-of select="normalize-space(.)"/>
        </tk:b>
      </xsl:for-each>
    </tk:b>
    <xsl:variable name="rest" select="$fields[not(?key = ('title', 'subtitle'))]"/>
    <xsl:if test="exists($rest)">
      <tk:b kind="para" indent="0">
        <xsl:for-each select="$rest">
          <tk:b kind="line" indent="0">
            <xsl:value-of select="?label || ': ' || string-join(?nodes ! tk:field-text(.), '; ')"/>
          </tk:b>
        </xsl:for-each>
      </tk:b>
    </xsl:if>
    <xsl:call-template name="tk:hook-title-block"/>
  </xsl:template>

  <!-- A header element as one line of text. -->
  <xsl:function name="tk:field-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text" select="
        if ($e[self::bibl or self::biblStruct][not(text()[normalize-space()])])
        then string-join($e//*[not(*)][normalize-space()] ! normalize-space(.), ', ')
        else normalize-space(string-join($e//text()[not(ancestor::note)]))"/>
    <xsl:variable name="links" select="$e/descendant-or-self::*/@target[matches(., '^https?://')]"/>
    <xsl:sequence select="string-join(($text[.], $links ! ('&lt;' || . || '&gt;')), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
