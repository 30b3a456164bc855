<?xml version="1.0" encoding="UTF-8"?>
<!-- Performance texts: speeches, speakers, stage directions, cast lists. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="sp">
    <xsl:call-template name="tk:container"/>
  </xsl:template>

  <xsl:template match="speaker">
    <xsl:call-template name="tk:container">
      <xsl:with-param name="block-name" select="'p'"/>
      <xsl:with-param name="inner-phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A stage direction: a paragraph among speeches, a span inside a speech's text. -->
  <xsl:template match="stage | move">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($tk:phrasing) and (tk:is-block-container(parent::*))">
        <xsl:call-template name="tk:container">
          <xsl:with-param name="block-name" select="'p'"/>
          <xsl:with-param name="inner-phrasing" select="true()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A cast list: its heads, then a list of its items and groups. -->
  <xsl:template match="castList | castGroup">
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="name" select="if ($tk:phrasing) then 'span' else 'li'"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else if (self::castGroup) then 'li' else 'div'}">
      <xsl:sequence select="tk:attrs(., if ($tk:phrasing) then 'tk-block' else ())"/>
      <xsl:apply-templates select="head"/>
      <xsl:element name="{if ($tk:phrasing) then 'span' else 'ul'}">
        <xsl:attribute name="class" select="'tk-items'"/>
        <xsl:for-each-group select="node()[not(self::head)][not(self::text()[not(normalize-space())])]"
            group-ending-with="castItem | castGroup">
          <xsl:variable name="item" select="current-group()[self::castItem or self::castGroup]"/>
          <xsl:choose>
            <xsl:when test="$item[self::castGroup]">
              <xsl:apply-templates select="current-group() except $item"/>
              <xsl:apply-templates select="$item"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:element name="{$name}">
                <xsl:choose>
                  <xsl:when test="$item">
                    <xsl:sequence select="tk:attrs($item, if ($tk:phrasing) then 'tk-block' else ())"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:attribute name="class" select="'tk-list-extra'"/>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:apply-templates select="current-group() except $item"/>
                <xsl:apply-templates select="$item/node()">
                  <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </xsl:element>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <xsl:template match="role | roleDesc | actor | castItem">
    <xsl:call-template name="tk:inline"/>
  </xsl:template>

</xsl:stylesheet>
