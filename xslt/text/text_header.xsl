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

  <!-- A header element as one line of text, with the addresses it links to. -->
  <xsl:function name="tk:field-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="text">
      <xsl:apply-templates select="$e" mode="tk:field"/>
    </xsl:variable>
    <xsl:variable name="links" select="$e/descendant-or-self::*/@target[matches(., '^https?://')]"/>
    <xsl:sequence select="string-join((normalize-space($text)[.], $links ! ('&lt;' || . || '&gt;')), ' ')"/>
  </xsl:function>

  <xsl:mode name="tk:field" on-no-match="text-only-copy"/>

  <xsl:template match="witness[normalize-space(@n)]" mode="tk:field">
    <xsl:value-of select="normalize-space(@n) || ' '"/>
    <xsl:apply-templates mode="tk:field"/>
  </xsl:template>
  <xsl:template match="note[not(@type = 'asStated')] | idno" mode="tk:field"/>

  <!-- A bibliographic entry made of elements only: its parts separated by commas; parts that
       follow one another with nothing between them get a comma too. -->
  <xsl:template match="bibl[not(text()[normalize-space()])] | biblStruct" mode="tk:field">
    <xsl:value-of select="tk:bibl-parts(.)[normalize-space()] ! (if (self::biblScope) then tk:bibl-scope(.) else normalize-space(.))"
        separator=", "/>
  </xsl:template>

  <xsl:template match="*[parent::bibl[text()[normalize-space()]]][preceding-sibling::node()[1][self::*]]" mode="tk:field">
    <xsl:text>, </xsl:text>
    <xsl:apply-templates mode="tk:field"/>
  </xsl:template>

</xsl:stylesheet>
