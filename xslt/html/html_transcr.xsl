<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial choices and transcription: choice (sic/corr, orig/reg, abbr/expan), standalone
  sic, corr, supplied, gap, unclear, add, del.

  A choice shows the reading the parameter `reading` asks for; the other readings stay in the
  page, hidden on screen until the reader hovers or focuses the word, and printed.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="choice">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="shown" select="tk:choice-shown(.)"/>
    <xsl:variable name="others" select="* except $shown"/>
    <span>
      <xsl:sequence select="tk:attrs(., ())"/>
      <!-- focusable, so that keyboard users can reveal the other reading (not inside a link) -->
      <xsl:if test="exists($others) and not($tk:in-link)">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:if test="exists($others)">
        <xsl:attribute name="title" select="string-join(
            for $o in $others return tk:reading-label($o) || ': ' || tk:plain-text($o), '; ')"/>
      </xsl:if>
      <span class="tk-reading">
        <xsl:apply-templates select="$shown">
          <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
      <xsl:for-each select="$others">
        <span class="tk-alt">
          <xsl:text> [</xsl:text>
          <xsl:apply-templates select=".">
            <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:function name="tk:reading-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e[self::sic or self::orig or self::abbr]) then tk:label('original')
                          else tk:label('corrected')"/>
  </xsl:function>

  <xsl:template match="sic | corr | orig | reg | abbr | expan | unclear | seg">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

  <xsl:template match="supplied">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="classes" select="'tk-added'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="add">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="name" select="'ins'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="del">
    <xsl:call-template name="tk:inline">
      <xsl:with-param name="name" select="'del'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="gap">
    <span title="{string-join((tk:label('gap'), @reason, @unit), ': ')}">
      <xsl:sequence select="tk:attrs(., ())"/>
      <xsl:text>[…]</xsl:text>
    </span>
  </xsl:template>

</xsl:stylesheet>
