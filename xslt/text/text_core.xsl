<?xml version="1.0" encoding="UTF-8"?>
<!--
  The flow of a text (mode tk:flow): blocks become tk:b elements (see text_layout.xsl), inline
  elements give their content, and the parameter `reading` decides editorial choices,
  additions and supplied quotation marks. Any element without a rule of its own gives its
  content: no word of the text is dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="tk:flow" on-no-match="shallow-skip"/>

  <xsl:template match="text()" mode="tk:flow">
    <xsl:sequence select="."/>
  </xsl:template>

  <!-- A block of the given kind and extra indent around the element's flow. -->
  <xsl:template name="tk:block">
    <xsl:param name="kind" as="xs:string" select="'para'"/>
    <xsl:param name="indent" as="xs:integer" select="0"/>
    <tk:b kind="{$kind}" indent="{$indent}">
      <xsl:choose>
        <xsl:when test="(self::bibl or self::biblStruct) and tk:element-only(.)">
          <xsl:call-template name="tk:spaced-children"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates mode="tk:flow"/>
        </xsl:otherwise>
      </xsl:choose>
    </tk:b>
  </xsl:template>

  <!-- Containers and paragraphs. -->
  <xsl:template match="text | front | body | back | group | div | div1 | div2 | div3 | div4 | div5
                       | div6 | div7 | titlePage | docTitle | closer | opener | epigraph | argument
                       | postscript | floatingText | lg | sp | castList | castGroup | figure | table
                       | listBibl | list | p | ab | titlePart | docAuthor | docDate | docEdition
                       | docImprint | byline | dateline | signed | salute | trailer | figDesc | speaker"
      mode="tk:flow">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="kind" select="if (self::speaker) then 'label' else 'para'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- title-page parts and datelines inside running text are inline -->
  <xsl:template match="(titlePart | docAuthor | docDate | docEdition | byline | dateline | signed
                        | salute)[not(tk:stands-as-block(.))]"
      mode="tk:flow" priority="1">
    <xsl:apply-templates mode="tk:flow"/>
  </xsl:template>

  <xsl:template match="head" mode="tk:flow">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="kind" select="if (parent::*[tk:is-div(.) or self::text]) then 'head' else 'para'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Registers (listPerson, listPlace... in a text) and their entries: an entry a line, its
       parts (names, dates, notes) apart; so are the parts of a bibliographic entry made of
       elements only (<author/><title/><date/>), which would otherwise run together. -->
  <xsl:template match="listPerson | listPlace | listOrg | listEvent | listNym | listObject | listRelation" mode="tk:flow">
    <xsl:call-template name="tk:block"/>
  </xsl:template>

  <xsl:template match="person | personGrp | persona | place | org | event | nym | object | relation" mode="tk:flow">
    <tk:b kind="line" indent="2">
      <xsl:call-template name="tk:spaced-children"/>
    </tk:b>
  </xsl:template>

  <!-- The parts of an entry, each apart; a part made of elements only (a biblStruct's monogr,
       its imprint) has its own parts apart; any other part flows as it would anywhere. -->
  <xsl:template name="tk:spaced-children">
    <xsl:for-each select="node()">
      <xsl:if test="self::*">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="." mode="tk:part"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:mode name="tk:part" on-no-match="shallow-skip"/>

  <xsl:template match="node()" mode="tk:part">
    <xsl:apply-templates select="." mode="tk:flow"/>
  </xsl:template>

  <xsl:template match="*[tk:element-only(.)][not(tk:bibl-leaf(.) or tk:is-entry(.) or tk:is-register(.))]" mode="tk:part">
    <xsl:call-template name="tk:spaced-children"/>
  </xsl:template>

  <xsl:template match="address | addrLine" mode="tk:flow">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="kind" select="if (self::addrLine) then 'line' else 'para'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="l | item | castItem | row" mode="tk:flow">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="kind" select="'line'"/>
      <xsl:with-param name="indent" select="if (self::item or self::castItem) then 2 else 0"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a list's label: on the line above its item -->
  <xsl:template match="list/label" mode="tk:flow">
    <xsl:call-template name="tk:block">
      <xsl:with-param name="kind" select="'label'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="cell" mode="tk:flow">
    <xsl:apply-templates mode="tk:flow"/>
    <xsl:text>   </xsl:text>
  </xsl:template>

  <xsl:template match="stage | move" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="tk:stands-as-block(.)">
        <xsl:call-template name="tk:block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="tk:flow"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="bibl | biblStruct" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="tk:stands-as-block(.) or parent::cit[tk:is-block-cit(.)]">
        <xsl:call-template name="tk:block">
          <xsl:with-param name="indent" select="if (parent::cit) then 4 else 0"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="tk:element-only(.)">
        <xsl:call-template name="tk:spaced-children"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="tk:flow"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cit" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="tk:is-block-cit(.)">
        <xsl:call-template name="tk:block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="tk:flow"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Quotations: a block quotation is indented; an inline one gets the marks it lacks when
       reading=corr (never when reading=sic: the marks are not in the source). -->
  <xsl:template match="q | said | quote | soCalled" mode="tk:flow">
    <xsl:choose>
      <xsl:when test="tk:is-block-quotation(.)">
        <xsl:call-template name="tk:block">
          <xsl:with-param name="indent" select="4"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$reading = 'corr'">
          <xsl:value-of select="tk:open-mark(.)"/>
        </xsl:if>
        <xsl:apply-templates mode="tk:flow"/>
        <xsl:if test="$reading = 'corr'">
          <xsl:value-of select="tk:close-mark(.)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Breaks: a line break where lb breaks a line between words (not inside a word, not at the
       edge of its block); a space after a page or column break between two words that nothing
       else keeps apart; white space next to a break inside a word is layout (tk:break-joins). -->
  <xsl:template match="lb" mode="tk:flow">
    <xsl:if test="not(tk:break-joins(.) or tk:break-at-edge(.))">
      <tk:br/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="pb | cb" mode="tk:flow">
    <xsl:if test="tk:break-needs-space(.)">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text()[$tk:breaks-in-words][tk:next-to-break-no(.)]" mode="tk:flow">
    <xsl:value-of select="tk:trim-at-breaks(.)"/>
  </xsl:template>

  <xsl:template match="space" mode="tk:flow">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Pointers and milestones that carry no text. -->
  <xsl:template match="milestone | anchor | graphic | media" mode="tk:flow"/>
  <!-- A pointer has no words: with reading=corr, an address it points at is given (like the
       title block's), in angle brackets. -->
  <xsl:template match="ptr" mode="tk:flow">
    <xsl:if test="$reading = 'corr' and matches(@target, '^\s*https?://')">
      <xsl:value-of select="'&lt;' || tokenize(normalize-space(@target), ' ')[1] || '&gt;'"/>
    </xsl:if>
  </xsl:template>

  <!-- Editorial choices and additions (the same rule as teikit.reading for reading=sic). -->
  <xsl:template match="choice" mode="tk:flow">
    <xsl:apply-templates select="tk:choice-shown(.)" mode="tk:flow"/>
  </xsl:template>

  <xsl:template match="corr | reg | supplied" mode="tk:flow">
    <xsl:if test="$reading = 'corr'">
      <xsl:if test="self::supplied">[</xsl:if>
      <xsl:apply-templates mode="tk:flow"/>
      <xsl:if test="self::supplied">]</xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="gap" mode="tk:flow">
    <xsl:if test="$reading = 'corr'">[…]</xsl:if>
  </xsl:template>

  <xsl:template match="teiHeader | standOff | facsimile | sourceDoc" mode="tk:flow"/>

  <!-- Everything else: its content. -->
  <xsl:template match="*" mode="tk:flow" priority="-1">
    <xsl:apply-templates mode="tk:flow"/>
  </xsl:template>

</xsl:stylesheet>
